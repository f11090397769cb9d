package com.twofactor.core.service;

import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.AuditEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What one pass of an operation decided from the state it read: the state to write (or none: null),
 * the audit events that become true once that write has landed, and then either a grant with its
 * result or a refusal. A refusal may still write (a failure count, a lockout): the write and its
 * events land first, then the refusal is thrown. Immutable.
 */
sealed interface Decision<R> permits Decision.Grant, Decision.Refuse {
  /** The state to write, or null when nothing changes. */
  UserTwoFactor next();

  List<AuditEvent> events();

  /** The result of a grant; for a refusal, throws it. Called once the write has landed. */
  R settle();

  /** The same decision with {@code first} before its events. */
  Decision<R> withEventFirst(AuditEvent first);

  /** The operation goes ahead: write {@code next}, record the events, answer {@code result}. */
  record Grant<R>(UserTwoFactor next, R result, List<AuditEvent> events) implements Decision<R> {
    public Grant {
      events = List.copyOf(events);
    }

    @Override
    public R settle() {
      return result;
    }

    @Override
    public Decision<R> withEventFirst(AuditEvent first) {
      return new Grant<>(next, result, prepend(first, events));
    }
  }

  /** The operation is refused, after {@code next} (if any) and the events are recorded. */
  record Refuse<R>(UserTwoFactor next, TwoFactorException refusal, List<AuditEvent> events)
      implements Decision<R> {
    public Refuse {
      events = List.copyOf(events);
    }

    @Override
    public R settle() {
      throw refusal;
    }

    @Override
    public Decision<R> withEventFirst(AuditEvent first) {
      return new Refuse<>(next, refusal, prepend(first, events));
    }
  }

  static <R> Decision<R> grant(UserTwoFactor next, R result, AuditEvent... events) {
    return new Grant<>(next, result, List.of(events));
  }

  static <R> Decision<R> grant(UserTwoFactor next, R result, List<AuditEvent> events) {
    return new Grant<>(next, result, events);
  }

  /** Refuse, but record the attempt first (a failure count, a lockout). */
  static <R> Decision<R> refuse(UserTwoFactor next, TwoFactorException refusal, AuditEvent... e) {
    return new Refuse<>(next, refusal, List.of(e));
  }

  private static List<AuditEvent> prepend(AuditEvent first, List<AuditEvent> rest) {
    List<AuditEvent> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
