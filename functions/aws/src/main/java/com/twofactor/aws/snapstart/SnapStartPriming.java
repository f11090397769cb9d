package com.twofactor.aws.snapstart;

import com.twofactor.api.json.StatusResponse;
import com.twofactor.aws.config.RuntimeCredentialsProvider;
import com.twofactor.core.service.StatusService;
import com.twofactor.core.service.TwoFactorStatus;
import com.twofactor.core.service.TwoFactorStatus.BackupCodeSummary;
import com.twofactor.core.service.TwoFactorStatus.MethodStatus;
import com.twofactor.core.totp.QrCodeSvg;
import com.twofactor.core.totp.Totp;
import io.micronaut.crac.OrderedResource;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the request path before Lambda takes the SnapStart snapshot: one state read of a user that
 * does not exist, with no org read since not every function may query the user index (DynamoDB
 * client, endpoint rules, marshalling, signing), JSON serialization, an HMAC over an all-zero key
 * and a QR code of fixed text. It draws no random number, encrypts nothing and creates no secret,
 * so nothing secret can be shared by instances restored from the snapshot. The read runs inside
 * {@link PrimingScope}: signed with placeholder keys and never sent, so the execution role's
 * credentials are not fetched before the snapshot; and the credentials provider is dropped before
 * the snapshot and after each restore, so every restored sandbox fetches fresh credentials from its
 * own runtime. A failure here only costs warmth, never correctness. Thread-safe (stateless after
 * construction).
 */
@Singleton
public final class SnapStartPriming implements OrderedResource {
  static final String PRIMING_USER = "snapstart-priming";
  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

  private static final TwoFactorStatus NOTHING_ENROLLED =
      new TwoFactorStatus(
          false, MethodStatus.NONE, MethodStatus.NONE, BackupCodeSummary.NONE, List.of(), null);

  private final StatusService status;
  private final ObjectMapper json;
  private final PrimingScope scope;
  private final RuntimeCredentialsProvider credentials;

  public SnapStartPriming(
      StatusService status,
      ObjectMapper json,
      PrimingScope scope,
      RuntimeCredentialsProvider credentials) {
    this.status = status;
    this.json = json;
    this.scope = scope;
    this.credentials = credentials;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    scope.run(this::prime);
    credentials.forget();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Whatever an init-time call cached belongs to the sandbox that took the snapshot.
    credentials.forget();
  }

  void prime() {
    try {
      status.ownState(PRIMING_USER);
    } catch (RuntimeException e) {
      if (!PrimingInterceptor.stoppedBeforeSending(e)) {
        LOG.warn("SnapStart priming of the status path failed: {}", e.toString());
      }
    }
    try {
      json.writeValueAsString(StatusResponse.from(NOTHING_ENROLLED));
    } catch (IOException | RuntimeException e) {
      LOG.warn("SnapStart priming of the JSON path failed: {}", e.toString());
    }
    new Totp().codeAt(new byte[Totp.SECRET_BYTES], Instant.EPOCH);
    QrCodeSvg.dataUri("otpauth://totp/priming");
  }
}
