package com.twofactor.core.service;

import com.twofactor.core.model.SmsCode;
import com.twofactor.core.port.SmsSender;
import com.twofactor.core.sms.SmsMessages;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a code that is already stored, and withdraws it when the send fails, so that a failed SMS
 * leaves no code that could be used (docs/security-rules.md rule 7).
 *
 * <p>Thread-safe: it keeps no state between calls.
 */
final class SmsDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(SmsDelivery.class);

  private final SmsSender sender;
  private final SmsMessages messages;
  private final StateUpdates updates;

  SmsDelivery(SmsSender sender, SmsMessages messages, StateUpdates updates) {
    this.sender = sender;
    this.messages = messages;
    this.updates = updates;
  }

  void deliver(String userId, String phoneNumber, String code, SmsCode issued) {
    try {
      sender.send(phoneNumber, messages.text(code));
    } catch (RuntimeException failure) {
      withdraw(userId, issued);
      throw failure;
    }
  }

  private void withdraw(String userId, SmsCode issued) {
    try {
      updates.apply(
          userId,
          state ->
              Objects.equals(state.smsCode(), issued)
                  ? Decision.grant(state.toBuilder().smsCode(null).build(), null)
                  : Decision.<Void>grant(null, null));
    } catch (RuntimeException e) {
      // The code was never delivered, so nobody knows it; it dies at its expiry. Only the cause's
      // class is logged: a provider's message may echo request data.
      LOG.error("could not withdraw an undelivered SMS code: {}", e.getClass().getName());
    }
  }
}
