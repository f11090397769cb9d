package com.twofactor.aws.snapstart;

import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.service.StatusService;
import com.twofactor.core.totp.Totp;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the adapters' request path (see {@link PrimingRun} for when): one state read of a user that
 * does not exist, with no org read since not every function may query the user index (DynamoDB
 * client, endpoint rules, marshalling, signing); an HMAC over an all-zero key; and the comparison
 * of two user states every state write makes (a record's {@code equals} is linked on its first
 * call, some 15 ms of method-handle set-up a first request would otherwise pay). The branch-key
 * client is {@link KmsPriming}'s, QR codes are the enrollment function's, the JSON path is
 * apigateway's ApiJsonPriming. It draws no random number, opens no key and creates no secret, so
 * nothing secret can be shared by instances restored from a snapshot; the read is signed with
 * placeholder keys and answered without being sent ({@link PrimingHttpClient}). Thread-safe
 * (stateless after construction).
 *
 * <p>Off where {@code two-factor.snapstart.prime-user-state=false}: the security-events function
 * may not read user state.
 */
@Singleton
@Requires(property = "two-factor.snapstart.prime-user-state", notEquals = "false")
public final class SnapStartPriming implements Primer {
  static final String PRIMING_USER = "snapstart-priming";
  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

  private final StatusService status;

  public SnapStartPriming(StatusService status) {
    this.status = status;
  }

  @Override
  public void prime() {
    try {
      status.ownState(PRIMING_USER);
    } catch (RuntimeException e) {
      LOG.warn("priming of the status path failed: {}", e.toString());
    }
    new Totp().codeAt(new byte[Totp.SECRET_BYTES], Instant.EPOCH);
    if (!UserTwoFactor.empty(PRIMING_USER).equals(UserTwoFactor.empty(PRIMING_USER))) {
      LOG.warn("priming: a user state differs from its copy");
    }
  }
}
