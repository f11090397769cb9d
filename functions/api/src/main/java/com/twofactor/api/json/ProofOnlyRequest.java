package com.twofactor.api.json;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** {@code {"verification": {"method": "totp", "code": "123456"}}}. */
@Serdeable
public record ProofOnlyRequest(@NotNull @Valid ProofRequest verification) {}
