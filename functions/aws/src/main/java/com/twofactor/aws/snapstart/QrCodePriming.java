package com.twofactor.aws.snapstart;

import com.twofactor.core.totp.QrCodeSvg;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the QR-code renderer (see {@link PrimingRun} for when): one code of fixed text, rendered
 * and dropped. Only where {@code two-factor.snapstart.prime-qr-codes=true}: the enrollment
 * function, the one that answers TOTP set-up with a QR code, sets it in its application.properties.
 * Draws nothing random and touches no secret. Thread-safe (no state).
 */
@Singleton
@Requires(property = "two-factor.snapstart.prime-qr-codes", value = "true")
final class QrCodePriming implements Primer {
  private static final Logger LOG = LoggerFactory.getLogger(QrCodePriming.class);

  @Override
  public void prime() {
    try {
      QrCodeSvg.dataUri("otpauth://totp/priming");
    } catch (RuntimeException e) {
      // The class only: a renderer's message may quote what it was given.
      LOG.warn("priming of the QR-code path failed: {}", e.getClass().getName());
    }
  }
}
