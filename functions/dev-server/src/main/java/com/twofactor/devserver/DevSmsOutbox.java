package com.twofactor.devserver;

import com.twofactor.testkit.InMemorySmsOutbox;
import io.micronaut.context.annotation.Context;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the dev server's text messages go instead of SNS: printed on the console as they are
 * "sent", and listed, oldest first, at {@code GET /dev/sms-outbox}. Development only.
 */
@Context
@Controller("/dev/sms-outbox")
final class DevSmsOutbox {
  private static final Logger CONSOLE = LoggerFactory.getLogger("dev-sms-outbox");

  private final InMemorySmsOutbox outbox;

  DevSmsOutbox(InMemorySmsOutbox outbox) {
    this.outbox = outbox;
    outbox.onSend(sms -> CONSOLE.warn("SMS to {}:\n{}", sms.to(), sms.body()));
  }

  @Get
  List<Message> messages() {
    return outbox.messages().stream()
        .map(sms -> new Message(sms.to(), sms.body(), sms.sentAt().toString()))
        .toList();
  }

  /** One outbox entry. */
  @Serdeable
  record Message(String to, String body, String sentAt) {}
}
