package com.twofactor.core.service;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.ActiveTotp;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.model.Method;
import com.twofactor.core.model.PendingTotp;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.AuditEvent;
import com.twofactor.core.port.AuditLog;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.EncryptionContext.Purpose;
import com.twofactor.core.port.SecretCipher;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.totp.Base32;
import com.twofactor.core.totp.OtpauthUri;
import com.twofactor.core.totp.QrCodeSvg;
import com.twofactor.core.totp.Totp;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Sets up the TOTP factor: a pending secret, shown once as text, URI and QR code, becomes active
 * when the user types a code it produced (docs/security-rules.md rule 1). Adding it to an account
 * that already has a factor needs a fresh proof of that factor, so a stolen session cannot add its
 * own app.
 *
 * <p>Thread-safe: it keeps no state between calls; one request's own helpers (a proof check, values
 * kept across retries) live only for that call.
 */
public final class TotpEnrollmentService {
  /** How long a started set-up waits for its confirmation code. */
  public static final Duration PENDING_TTL = Duration.ofMinutes(10);

  private final SecretCipher cipher;
  private final Clock clock;
  private final SecureRandom random;
  private final LockoutPolicy lockout;
  private final String issuer;
  private final VerificationService verification;
  private final BackupCodePolicy backupPolicy;
  private final BackupCodeIssuer backupCodeIssuer;
  private final Totp totp = new Totp();
  private final StateUpdates updates;

  public TotpEnrollmentService(
      TwoFactorStore store,
      SecretCipher cipher,
      AuditLog audit,
      Clock clock,
      SecureRandom random,
      LockoutPolicy lockout,
      BackupCodePolicy backupPolicy,
      VerificationService verification,
      String issuer) {
    this.cipher = cipher;
    this.clock = clock;
    this.random = random;
    this.lockout = lockout;
    this.issuer = issuer;
    this.verification = verification;
    this.backupPolicy = backupPolicy;
    this.backupCodeIssuer = new BackupCodeIssuer(cipher, random, backupPolicy);
    this.updates = new StateUpdates(store, audit);
  }

  /** A set-up without a proof, as for a user who has no factor yet. */
  public TotpSetup start(String userId, String accountName) {
    return start(userId, accountName, Optional.empty());
  }

  /**
   * Starts, or restarts, a pending set-up with a fresh secret. Refused with {@code already_enabled}
   * while TOTP is active: a new device means removing the method first. While another factor is
   * active, {@code proof} is required, and is checked and used up by the same conditional write
   * that stores the pending set-up. The URI and QR code are made before that write, so a set-up
   * that cannot be shown leaves nothing behind.
   *
   * @param accountName the name the authenticator app shows next to the issuer (shortened to fit)
   */
  public TotpSetup start(String userId, String accountName, Optional<Proof> proof) {
    byte[] secret = Totp.newSecret(random);
    try (ProofCheck check = proof.map(p -> verification.check(userId, p)).orElse(null)) {
      String uri = OtpauthUri.totp(issuer, accountName, secret, totp.digits());
      TotpSetup setup =
          new TotpSetup(
              Base32.encode(secret),
              uri,
              QrCodeSvg.dataUri(uri),
              clock.instant().plus(PENDING_TTL));
      EncryptionContext context = EncryptionContext.of(userId, Purpose.TOTP_SECRET);
      // Sealed on the first pass that gets this far, not again after a lost write race.
      Once<Ciphertext> sealed = new Once<>();
      updates.apply(
          userId,
          state -> {
            ensureNotActive(state);
            return ProofCheck.guard(
                check,
                state.enabled(),
                state,
                clock.instant(),
                userId,
                next ->
                    Decision.grant(
                        next.toBuilder()
                            .pendingTotp(
                                new PendingTotp(
                                    sealed.get(() -> cipher.encrypt(secret, context)),
                                    setup.expiresAt()))
                            .build(),
                        null));
          });
      return setup;
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /**
   * Activates the pending set-up when {@code code} is a current code of its secret, and gives the
   * user their first backup codes if they have none. A wrong code counts towards the lockout; the
   * step used is remembered, so the same code cannot then be replayed to verify.
   */
  public Confirmation confirm(String userId, String code) {
    String digits = Method.TOTP.canonicalCode(code);
    FirstBackupCodes backupCodes = new FirstBackupCodes(backupCodeIssuer, backupPolicy, userId);
    return updates.apply(
        userId,
        state -> {
          Instant now = clock.instant();
          lockout.ensureNotLocked(state, now);
          ensureNotActive(state);
          PendingTotp pending =
              state
                  .livePendingTotp(now)
                  .orElseThrow(
                      () ->
                          new TwoFactorException(
                              ErrorCode.NO_PENDING_ENROLLMENT,
                              "There is no TOTP set-up waiting for confirmation; start one."));
          byte[] secret =
              cipher.decrypt(pending.secret(), EncryptionContext.of(userId, Purpose.TOTP_SECRET));
          OptionalLong step;
          try {
            step = totp.matchingStep(secret, digits, now, -1);
          } finally {
            Arrays.fill(secret, (byte) 0);
          }
          if (step.isEmpty()) {
            return lockout.refuseWrongCode(
                state, now, userId, "totp.enable", Map.of("method", "totp"));
          }
          UserTwoFactor activated =
              lockout.afterSuccess(state).toBuilder()
                  .totp(new ActiveTotp(pending.secret(), now, step.getAsLong()))
                  .pendingTotp(null)
                  .build();
          return backupCodes.confirm(
              activated,
              now,
              new AuditEvent(
                  now,
                  userId,
                  "totp.enable",
                  userId,
                  AuditEvent.Outcome.SUCCESS,
                  Map.of("method", "totp")));
        });
  }

  private static void ensureNotActive(UserTwoFactor state) {
    if (state.activeTotp().isPresent()) {
      throw new TwoFactorException(
          ErrorCode.ALREADY_ENABLED,
          "An authenticator app is already set up; remove it before setting up a new one.");
    }
  }
}
