package com.twofactor.api.json;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code {"verification": {...}, "method": "totp"}}; without {@code method}, everything goes. */
@Serdeable
public record DisableRequest(
    @NotNull @Valid ProofRequest verification,
    @Nullable @Pattern(regexp = "totp|sms", message = "must be totp or sms") String method) {}
