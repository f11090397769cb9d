package com.twofactor.aws.snapstart;

import com.twofactor.aws.config.RuntimeCredentialsProvider;
import com.twofactor.core.service.StatusService;
import com.twofactor.core.totp.QrCodeSvg;
import com.twofactor.core.totp.Totp;
import io.micronaut.context.annotation.Requires;
import io.micronaut.crac.OrderedResource;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the request path before Lambda takes the SnapStart snapshot: one state read of a user that
 * does not exist, with no org read since not every function may query the user index (DynamoDB
 * client, endpoint rules, marshalling, signing), an HMAC over an all-zero key and a QR code of
 * fixed text (the API functions also prime their JSON: apigateway's ApiJsonPriming). It draws no
 * random number, encrypts nothing and creates no secret, so nothing secret can be shared by
 * instances restored from the snapshot. The read runs inside {@link PrimingScope}: signed with
 * placeholder keys and never sent, so the execution role's credentials are not fetched before the
 * snapshot; and the credentials provider is dropped before the snapshot and after each restore, so
 * every restored sandbox fetches fresh credentials from its own runtime. A failure here only costs
 * warmth, never correctness. Thread-safe (stateless after construction).
 *
 * <p>Off where {@code two-factor.snapstart.prime-user-state=false}: the security-events function
 * may not read user state.
 */
@Singleton
@Requires(property = "two-factor.snapstart.prime-user-state", notEquals = "false")
public final class SnapStartPriming implements OrderedResource {
  static final String PRIMING_USER = "snapstart-priming";
  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

  private final StatusService status;
  private final PrimingScope scope;
  private final RuntimeCredentialsProvider credentials;

  public SnapStartPriming(
      StatusService status, PrimingScope scope, RuntimeCredentialsProvider credentials) {
    this.status = status;
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
    new Totp().codeAt(new byte[Totp.SECRET_BYTES], Instant.EPOCH);
    QrCodeSvg.dataUri("otpauth://totp/priming");
  }
}
