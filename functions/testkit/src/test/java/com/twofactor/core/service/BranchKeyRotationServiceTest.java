package com.twofactor.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.crypto.BranchKeySecretCipher;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.port.AuditEvent;
import com.twofactor.core.port.BranchKeyRotation;
import com.twofactor.core.port.BranchKeyRotation.CurrentVersion;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.EncryptionContext.Purpose;
import com.twofactor.core.service.BranchKeyRotationService.Rotated;
import com.twofactor.testkit.InMemoryBranchKeys;
import com.twofactor.testkit.MutableClock;
import com.twofactor.testkit.RecordingAuditLog;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class BranchKeyRotationServiceTest {
  private static final String BACKEND = "internal:arn:aws:iam::123456789012:role/ops";
  private static final EncryptionContext ALICE = EncryptionContext.of("alice", Purpose.TOTP_SECRET);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final SecureRandom random = new SecureRandom();
  private final InMemoryBranchKeys keys = new InMemoryBranchKeys(random, clock);
  private final BranchKeySecretCipher cipher = new BranchKeySecretCipher(keys, random, null);
  private final RecordingAuditLog audit = new RecordingAuditLog();
  private final BranchKeyRotationService service = new BranchKeyRotationService(keys, audit, clock);

  private Rotated rotate() {
    return service.rotate(BACKEND, "ops:jane", "yearly rotation");
  }

  private static int versionOf(Ciphertext sealed) {
    return ByteBuffer.wrap(sealed.bytes()).getInt(5);
  }

  @Test
  void aRotation_makesTheNextVersionCurrent_andWhatWasSealedBeforeStillOpens() {
    byte[] secret = {1, 2, 3};
    Ciphertext underOne = cipher.encrypt(secret, ALICE);
    clock.advance(BranchKeyRotationService.MIN_INTERVAL);

    Rotated rotated = rotate();

    assertThat(rotated).isEqualTo(new Rotated(2, Optional.of(1), clock.instant()));
    assertThat(keys.currentVersion()).contains(new CurrentVersion(2, rotated.rotatedAt()));
    assertThat(versionOf(cipher.encrypt(secret, ALICE))).isEqualTo(2);
    assertThat(cipher.decrypt(underOne, ALICE)).isEqualTo(secret);
  }

  @Test
  void theFirstRotationOfADeploymentWithoutAKey_makesVersionOne() {
    assertThat(rotate()).isEqualTo(new Rotated(1, Optional.empty(), clock.instant()));
    assertThat(keys.current().version()).isEqualTo(1);
  }

  @Test
  void withinADayOfTheLastNewVersion_isRefusedWithWhenToComeBack_andAudited() {
    keys.current();
    clock.advance(Duration.ofHours(23).plusMillis(500));

    assertThatThrownBy(this::rotate)
        .isInstanceOfSatisfying(
            TwoFactorException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.KEY_ROTATED_RECENTLY);
              assertThat(e.retryAfter()).contains(Duration.ofMinutes(60).minusMillis(500));
            });
    assertThat(keys.current().version()).isEqualTo(1);
    assertThat(audit.events())
        .singleElement()
        .satisfies(
            refused -> {
              assertThat(refused.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
              assertThat(refused.details()).containsEntry("refusal", "key_rotated_recently");
            });

    clock.advance(Duration.ofMinutes(60).minusMillis(500));
    assertThat(rotate().version()).isEqualTo(2);
  }

  @Test
  void aRotationThatLosesToAnotherAtTheSameMoment_isRefusedAsTooSoon_andAudited() {
    BranchKeyRotation racedBy =
        new BranchKeyRotation() {
          @Override
          public Optional<CurrentVersion> currentVersion() {
            return keys.currentVersion();
          }

          @Override
          public Optional<Instant> rotate(int expected) {
            keys.rotate(expected); // the other caller's, just before this one's
            return keys.rotate(expected);
          }
        };
    keys.current();
    clock.advance(Duration.ofDays(90));

    assertThatThrownBy(
            () -> new BranchKeyRotationService(racedBy, audit, clock).rotate(BACKEND, "a", "b"))
        .isInstanceOfSatisfying(
            TwoFactorException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.KEY_ROTATED_RECENTLY);
              assertThat(e.retryAfter()).contains(BranchKeyRotationService.MIN_INTERVAL);
            });
    assertThat(keys.current().version()).isEqualTo(2);
    assertThat(audit.events())
        .extracting(AuditEvent::outcome)
        .containsExactly(AuditEvent.Outcome.FAILURE);
  }

  @Test
  void aRotation_isAuditedWithTheBackEnd_whoAsked_why_andTheNewVersion() {
    keys.current();
    clock.advance(Duration.ofDays(365));

    rotate();

    assertThat(audit.events())
        .containsExactly(
            new AuditEvent(
                clock.instant(),
                BACKEND,
                "branch_key.rotated",
                "branch-key",
                AuditEvent.Outcome.SUCCESS,
                Map.of("requestedBy", "ops:jane", "reason", "yearly rotation", "version", "2")));
  }
}
