package com.twofactor.api.json;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;

/**
 * The optional body of POST /two-factor/totp: {@code {"verification": {"method", "code"}}}, which
 * is required while the user has an active factor (adding a factor needs a fresh proof).
 */
@Serdeable
public record TotpSetupRequest(@Nullable @Valid ProofRequest verification) {}
