package com.twofactor.core.service;

import java.time.Instant;

/** A code is on its way: where (masked), until when it works, and when another may be sent. */
public record SmsChallenge(String phoneHint, Instant codeExpiresAt, Instant resendAvailableAt) {}
