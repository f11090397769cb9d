package com.twofactor.aws.snapstart;

import com.twofactor.api.json.StatusResponse;
import com.twofactor.core.service.StatusService;
import com.twofactor.core.totp.QrCodeSvg;
import com.twofactor.core.totp.Totp;
import io.micronaut.crac.OrderedResource;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the request path before Lambda takes the SnapStart snapshot: one state read of a user that
 * does not exist (no org read: not every function may query the user index) (DynamoDB client,
 * signing, HTTP client, item mapping), JSON serialization, an HMAC over an all-zero key and a QR
 * code of fixed text. It draws no random number, encrypts nothing and creates no secret, so nothing
 * secret can be shared by instances restored from the snapshot. A failure here only costs warmth,
 * never correctness.
 */
@Singleton
public final class SnapStartPriming implements OrderedResource {
  static final String PRIMING_USER = "snapstart-priming";
  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

  private final StatusService status;
  private final ObjectMapper json;

  public SnapStartPriming(StatusService status, ObjectMapper json) {
    this.status = status;
    this.json = json;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to refresh: clients re-resolve credentials from the restored environment.
  }

  void prime() {
    try {
      json.writeValueAsString(StatusResponse.from(status.ownState(PRIMING_USER)));
    } catch (IOException | RuntimeException e) {
      LOG.warn("SnapStart priming of the status path failed: {}", e.toString());
    }
    new Totp().codeAt(new byte[Totp.SECRET_BYTES], Instant.EPOCH);
    QrCodeSvg.dataUri("otpauth://totp/priming");
  }
}
