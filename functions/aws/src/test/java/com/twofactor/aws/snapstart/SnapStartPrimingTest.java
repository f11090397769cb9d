package com.twofactor.aws.snapstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.twofactor.aws.config.RuntimeCredentialsProvider;
import com.twofactor.aws.sns.SnsSmsSender;
import com.twofactor.aws.testing.AwsTestContext;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.BranchKeys;
import com.twofactor.core.port.PhoneNumberDigest;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.SmsSignInService;
import io.micronaut.crac.test.CheckpointSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

@Tag("dynalite")
class SnapStartPrimingTest {

  @Test
  void checkpoint_primesOneReadAndOneDecrypt_sendsNeitherAndCreatesNoSecret() {
    try (AwsTestContext aws = new AwsTestContext()) {
      aws.bean(CheckpointSimulator.class).runBeforeCheckpoint();

      // Both calls are built, marshalled and signed (the counting interceptor sees them) but never
      // sent.
      assertThat(aws.calls.calls()).containsExactlyInAnyOrder("DynamoDb.GetItem", "Kms.Decrypt");
      assertThat(aws.kms.requests()).isEmpty();
      assertThat(aws.bean(TwoFactorStore.class).load(SnapStartPriming.PRIMING_USER))
          .isEqualTo(UserTwoFactor.empty(SnapStartPriming.PRIMING_USER));
    }
  }

  @Test
  void aPrimedRead_isAnsweredWithoutReachingTheTable_soItsResponsePathIsWarmedToo() {
    try (AwsTestContext aws = new AwsTestContext()) {
      TwoFactorStore store = aws.bean(TwoFactorStore.class);
      UserTwoFactor stored =
          store.save(UserTwoFactor.empty("someone").toBuilder().failedAttempts(2).build());
      List<UserTwoFactor> primed = new ArrayList<>();

      aws.bean(PrimingScope.class).run(() -> primed.add(store.load("someone")));

      // The empty answer reads as "no state", not the stored item.
      assertThat(primed).containsExactly(UserTwoFactor.empty("someone"));
      assertThat(store.load("someone")).isEqualTo(stored);
    }
  }

  @Test
  void aPrimedWriteOrEncrypt_failsWithoutBeingSent_soItNeverLooksDone() {
    try (AwsTestContext aws = new AwsTestContext()) {
      TwoFactorStore store = aws.bean(TwoFactorStore.class);
      UserTwoFactor stored = store.save(UserTwoFactor.empty("someone"));
      KmsClient kms = aws.bean(KmsClient.class);
      List<Throwable> failures = new ArrayList<>();

      aws.bean(PrimingScope.class)
          .run(
              () -> {
                failures.add(
                    catchThrowable(() -> store.save(stored.toBuilder().failedAttempts(3).build())));
                failures.add(
                    catchThrowable(
                        () ->
                            kms.encrypt(
                                r ->
                                    r.keyId("alias/two-factor-test")
                                        .plaintext(SdkBytes.fromByteArray(new byte[32])))));
              });

      assertThat(failures).doesNotContainNull().hasSize(2);
      assertThat(store.load("someone")).isEqualTo(stored);
      assertThat(aws.kms.requests()).isEmpty();
    }
  }

  @Test
  void primingRun_withKmsPrimingOff_primesTheReadAlone_andBuildsNoKmsClient() {
    try (AwsTestContext aws =
        new AwsTestContext(Map.of("two-factor.snapstart.prime-kms", "false"))) {
      PrimingRun run = aws.bean(PrimingRun.class);

      run.awaitPrimed();

      assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem");
      assertThat(aws.built(KmsClient.class)).isFalse();
    }
  }

  @Test
  void checkpoint_buildsTheSingletonsNoRequestHasBuiltYet() {
    try (AwsTestContext aws = new AwsTestContext()) {
      assertThat(aws.built(SnsSmsSender.class)).isFalse();

      aws.bean(CheckpointSimulator.class).runBeforeCheckpoint();

      assertThat(aws.built(SnsSmsSender.class)).isTrue();
      assertThat(aws.built(SmsSignInService.class)).isTrue();
    }
  }

  @Test
  void checkpoint_neverFetchesCredentialsIntoTheSnapshot() {
    try (AwsTestContext aws = new AwsTestContext()) {
      RuntimeCredentialsProvider credentials = aws.bean(RuntimeCredentialsProvider.class);

      aws.bean(CheckpointSimulator.class).runBeforeCheckpoint();

      assertThat(credentials.holdsProvider()).isFalse();
    }
  }

  @Test
  void checkpoint_dropsCredentialsAnInitTimeCallCached() {
    try (AwsTestContext aws = new AwsTestContext()) {
      RuntimeCredentialsProvider credentials = aws.bean(RuntimeCredentialsProvider.class);
      aws.bean(TwoFactorStore.class).load("someone");
      assertThat(credentials.holdsProvider()).isTrue();

      aws.bean(CheckpointSimulator.class).runBeforeCheckpoint();

      assertThat(credentials.holdsProvider()).isFalse();
    }
  }

  @Test
  void restore_makesTheNextCallFetchFreshCredentials() {
    try (AwsTestContext aws = new AwsTestContext()) {
      RuntimeCredentialsProvider credentials = aws.bean(RuntimeCredentialsProvider.class);
      aws.bean(TwoFactorStore.class).load("someone");

      aws.bean(CheckpointSimulator.class).runAfterRestore();
      assertThat(credentials.holdsProvider()).isFalse();

      assertThat(aws.bean(TwoFactorStore.class).load("someone"))
          .isEqualTo(UserTwoFactor.empty("someone"));
      assertThat(credentials.holdsProvider()).isTrue();
    }
  }

  @Test
  void checkpoint_neverFetchesTheSmsNumberDigestKey() {
    try (AwsTestContext aws = new AwsTestContext()) {
      aws.bean(PhoneNumberDigest.class);
      aws.bean(SmsSignInService.class);
      aws.calls.reset();

      aws.bean(CheckpointSimulator.class).runBeforeCheckpoint();

      assertThat(aws.calls.calls()).containsExactlyInAnyOrder("DynamoDb.GetItem", "Kms.Decrypt");
      assertThat(aws.kms.requests()).isEmpty();
    }
  }

  @Test
  void checkpoint_survivesAnUnreachableDynamoDb() {
    try (AwsTestContext aws = new AwsTestContext()) {
      aws.faults.fail("GetItem");

      assertThatCode(() -> aws.bean(CheckpointSimulator.class).runBeforeCheckpoint())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void checkpointAndRestore_dropTheBranchKey_soEachRestoredSandboxOpensItItself() {
    try (AwsTestContext aws = new AwsTestContext()) {
      BranchKeys keys = aws.bean(BranchKeys.class);
      keys.current();

      aws.bean(CheckpointSimulator.class).runBeforeCheckpoint();
      aws.bean(CheckpointSimulator.class).runAfterRestore();
      aws.calls.reset();
      keys.current();
      keys.current();

      assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem", "Kms.Decrypt");
    }
  }
}
