package com.twofactor.testkit;

import com.twofactor.core.port.SmsSender;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An {@link SmsSender} that keeps every message instead of sending it: the dev server's outbox and
 * the tests' way to read codes. Can be told to fail, like an unreachable SNS. Thread-safe.
 */
public final class InMemorySmsOutbox implements SmsSender {
  private final Clock clock;
  private final List<Sms> sent = new CopyOnWriteArrayList<>();
  private final List<Consumer<Sms>> listeners = new CopyOnWriteArrayList<>();
  private volatile RuntimeException failure;

  /** One message as it would have been sent. */
  public record Sms(String to, String body, Instant sentAt) {}

  public InMemorySmsOutbox(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void send(String phoneNumber, String message) {
    RuntimeException fail = failure;
    if (fail != null) {
      throw fail;
    }
    Sms sms = new Sms(phoneNumber, message, clock.instant());
    sent.add(sms);
    listeners.forEach(listener -> listener.accept(sms));
  }

  /** Every message so far, oldest first. */
  public List<Sms> messages() {
    return List.copyOf(sent);
  }

  /** The 6-digit code in the newest message to {@code phoneNumber}. */
  public String lastCodeTo(String phoneNumber) {
    for (int i = sent.size() - 1; i >= 0; i--) {
      Sms sms = sent.get(i);
      if (sms.to().equals(phoneNumber)) {
        var matcher = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(sms.body());
        if (matcher.find()) {
          return matcher.group(1);
        }
      }
    }
    throw new IllegalStateException("no code was sent to that number");
  }

  /** Calls {@code listener} for every later message (the dev server prints them). */
  public void onSend(Consumer<Sms> listener) {
    listeners.add(listener);
  }

  /** Makes every later send throw {@code failure}; null heals. */
  public void failWith(RuntimeException failure) {
    this.failure = failure;
  }
}
