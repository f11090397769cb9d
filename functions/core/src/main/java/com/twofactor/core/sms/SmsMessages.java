package com.twofactor.core.sms;

import java.util.Optional;

/**
 * The text of a code message: it names the issuer, tells the reader never to share the code, and,
 * when a domain is configured, ends with the origin-bound line of the WebOTP format ({@code
 * @example.com #123456}) so browsers can offer to fill the code in on that site only.
 *
 * <p>Immutable and thread-safe.
 */
public final class SmsMessages {
  private final String issuer;
  private final Optional<String> domain;

  public SmsMessages(String issuer, Optional<String> domain) {
    this.issuer = issuer;
    this.domain = domain.map(String::trim).filter(d -> !d.isEmpty());
  }

  public String text(String code) {
    String text =
        issuer
            + " code: "
            + code
            + ". Never share it: "
            + issuer
            + " will never ask you for this code.";
    return domain.map(d -> text + "\n\n@" + d + " #" + code).orElse(text);
  }
}
