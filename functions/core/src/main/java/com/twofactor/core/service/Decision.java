package com.twofactor.core.service;

import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.AuditEvent;
import java.util.List;

/**
 * What one pass of an operation decided from the state it read: the state to write (or none), then
 * either a result or a refusal, and the audit events that become true once the write has landed.
 */
record Decision<R>(
    UserTwoFactor next, R result, TwoFactorException refusal, List<AuditEvent> events) {

  Decision {
    events = List.copyOf(events);
  }

  static <R> Decision<R> grant(UserTwoFactor next, R result, AuditEvent... events) {
    return new Decision<>(next, result, null, List.of(events));
  }

  static <R> Decision<R> grant(UserTwoFactor next, R result, List<AuditEvent> events) {
    return new Decision<>(next, result, null, events);
  }

  /** Refuse, but record the attempt first (a failure count, a lockout). */
  static <R> Decision<R> refuse(UserTwoFactor next, TwoFactorException refusal, AuditEvent... e) {
    return new Decision<>(next, null, refusal, List.of(e));
  }
}
