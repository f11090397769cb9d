package com.twofactor.core.port;

/**
 * Sends one text message. Implementations are thread-safe and never log the message or the full
 * number. A failure surfaces as {@code DependencyUnavailableException}; the caller then withdraws
 * the code it was sending.
 */
public interface SmsSender {

  /**
   * @param phoneNumber E.164, already validated
   * @param message the whole text, code included
   */
  void send(String phoneNumber, String message);
}
