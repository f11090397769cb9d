/**
 * The domain core of the two-factor service: pure Java, no AWS SDK, no Micronaut. This package
 * holds the failures every layer shares: {@link com.twofactor.core.TwoFactorException} with its
 * stable {@link com.twofactor.core.ErrorCode} (docs/error-codes.md), invalid input, listed
 * conflicts, a failed dependency and a broken ciphertext. The HTTP edge maps them to problem+json
 * answers.
 */
package com.twofactor.core;
