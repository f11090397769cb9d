package com.twofactor.aws.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.aws.snapstart.PrimingScope;
import com.twofactor.aws.testing.AwsTestContext;
import com.twofactor.aws.testing.FakeKms;
import com.twofactor.aws.testing.Race;
import com.twofactor.core.SecretIntegrityException;
import com.twofactor.core.crypto.BranchKeySecretCipher;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.port.BranchKeyRotation.CurrentVersion;
import com.twofactor.core.port.BranchKeys.BranchKey;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.EncryptionContext.Purpose;
import com.twofactor.core.service.BranchKeyRotationService;
import com.twofactor.testkit.MutableClock;
import com.twofactor.testkit.RecordingAuditLog;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;

/** The branch key on dynalite and the in-memory KMS: creation, caching, rotation, priming. */
@Tag("dynalite")
class TableBranchKeysTest {
  private static final byte[] SECRET = {9, 8, 7, 6, 5, 4, 3, 2, 1};
  private static final EncryptionContext ALICE = EncryptionContext.of("alice", Purpose.TOTP_SECRET);

  private AwsTestContext aws;
  private MutableClock clock;

  @BeforeEach
  void start() {
    aws = new AwsTestContext(Map.of("test.aws-clock", "mutable"));
    clock = aws.bean(MutableClock.class);
  }

  @AfterEach
  void stop() {
    aws.close();
  }

  /** Another instance of the same deployment: its own holder, the same table and clients. */
  private TableBranchKeys anotherInstance() {
    return new TableBranchKeys(
        aws.bean(DynamoDbClient.class),
        () -> aws.bean(KmsClient.class),
        aws.tableName,
        "alias/two-factor-test",
        new SecureRandom(),
        clock,
        aws.bean(PrimingScope.class));
  }

  /** {@code count} instances, made before a race so that none is built during it. */
  private List<TableBranchKeys> instances(int count) {
    return IntStream.range(0, count).mapToObj(i -> anotherInstance()).toList();
  }

  private BranchKeySecretCipher cipherOver(TableBranchKeys keys) {
    return new BranchKeySecretCipher(keys, new SecureRandom(), null);
  }

  private Map<String, AttributeValue> storedItem() {
    return aws.storedItem("KEY#branch-key", "KEY");
  }

  @Test
  void firstUse_makesVersionOneWithAConditionalPut_sealedUnderItsPurposeAndVersion() {
    BranchKey key = anotherInstance().current();

    assertThat(key.version()).isEqualTo(1);
    assertThat(aws.calls.calls())
        .containsExactly("DynamoDb.GetItem", "Kms.Encrypt", "DynamoDb.PutItem");
    FakeKms.Request encrypt = aws.kms.requests().get(0);
    assertThat(encrypt.body())
        .containsEntry("EncryptionContext", Map.of("purpose", "branch-key", "version", "1"));
    Map<String, AttributeValue> item = storedItem();
    assertThat(item.get("current").n()).isEqualTo("1");
    assertThat(item.get("v1").b().asByteArray()).isNotEmpty();
    assertThat(item.get("v1").b().asByteArray()).isNotEqualTo(key.key().getEncoded());
  }

  @Test
  void anotherInstance_opensTheSameKeyOnce_andAgainOnlyAfterTenMinutes() {
    BranchKey made = anotherInstance().current();
    TableBranchKeys other = anotherInstance();
    aws.calls.reset();

    assertThat(other.current().key().getEncoded()).isEqualTo(made.key().getEncoded());
    other.current();
    clock.advance(TableBranchKeys.MAX_AGE.minusSeconds(1));
    other.current();
    assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem", "Kms.Decrypt");

    clock.advance(Duration.ofSeconds(1));
    other.current();
    assertThat(aws.calls.calls())
        .containsExactly("DynamoDb.GetItem", "Kms.Decrypt", "DynamoDb.GetItem", "Kms.Decrypt");
  }

  @Test
  void concurrentFirstUseByManyInstances_agreesOnOneKey() throws Exception {
    List<TableBranchKeys> instances = instances(8);

    List<byte[]> keys = Race.results(8, n -> instances.get(n).current().key().getEncoded());

    assertThat(keys).allSatisfy(key -> assertThat(key).isEqualTo(keys.get(0)));
    assertThat(storedItem().get("current").n()).isEqualTo("1");
  }

  @Test
  void rotation_addsAVersion_newSecretsUseIt_andOldCiphertextsStillOpen() {
    TableBranchKeys instance = anotherInstance();
    BranchKeySecretCipher cipher = cipherOver(instance);
    Ciphertext underOne = cipher.encrypt(SECRET, ALICE);

    TableBranchKeys operator = anotherInstance();
    assertThat(operator.rotate(1)).isPresent();
    Ciphertext underTwo = cipherOver(operator).encrypt(SECRET, ALICE);

    assertThat(ByteBuffer.wrap(underTwo.bytes()).getInt(5)).isEqualTo(2);
    // Until its copy expires this instance still seals under 1, yet opens what 2 sealed.
    assertThat(instance.current().version()).isEqualTo(1);
    assertThat(cipher.decrypt(underTwo, ALICE)).isEqualTo(SECRET);
    clock.advance(TableBranchKeys.MAX_AGE);
    assertThat(instance.current().version()).isEqualTo(2);
    assertThat(cipher.decrypt(underOne, ALICE)).isEqualTo(SECRET);
    assertThat(storedItem()).containsKeys("v1", "v2");
    FakeKms.Request rotationSeal =
        aws.kms.requests().stream()
            .filter(r -> r.operation().equals("Encrypt"))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(rotationSeal.body())
        .containsEntry("EncryptionContext", Map.of("purpose", "branch-key", "version", "2"));
  }

  @Test
  void currentVersion_isEmptyBeforeFirstUse_thenSaysSinceWhen() {
    TableBranchKeys operator = anotherInstance();
    assertThat(operator.currentVersion()).isEmpty();

    Instant created = clock.instant();
    anotherInstance().current();
    clock.advance(Duration.ofHours(2));
    assertThat(operator.currentVersion()).contains(new CurrentVersion(1, created));

    Instant rotated = clock.instant();
    assertThat(operator.rotate(1)).contains(rotated);
    clock.advance(Duration.ofHours(2));
    assertThat(operator.currentVersion()).contains(new CurrentVersion(2, rotated));
  }

  @Test
  void rotate_fromNoKey_makesVersionOne_andFromAStaleVersion_changesNothing() {
    TableBranchKeys operator = anotherInstance();
    assertThat(operator.rotate(0)).isPresent();
    assertThat(storedItem().get("current").n()).isEqualTo("1");
    assertThat(operator.rotate(1)).isPresent();
    Map<String, AttributeValue> afterTwo = storedItem();
    aws.calls.reset();

    assertThat(anotherInstance().rotate(1)).isEmpty();
    assertThat(anotherInstance().rotate(0)).isEmpty();

    assertThat(storedItem()).isEqualTo(afterTwo);
    assertThat(aws.calls.calls()).doesNotContain("Kms.Encrypt", "DynamoDb.PutItem");
  }

  @Test
  void aRotationThroughTheService_costsTwoReadsOneKmsEncryptAndOneConditionalPut() {
    anotherInstance().current();
    clock.advance(BranchKeyRotationService.MIN_INTERVAL);
    TableBranchKeys operator = anotherInstance();
    aws.calls.reset();

    new BranchKeyRotationService(operator, new RecordingAuditLog(), clock)
        .rotate("internal:test", "ops:jane", "yearly");

    assertThat(aws.calls.calls())
        .containsExactly("DynamoDb.GetItem", "DynamoDb.GetItem", "Kms.Encrypt", "DynamoDb.PutItem");
  }

  @Test
  void concurrentRotationsFromOneVersion_addExactlyOneVersion() throws Exception {
    anotherInstance().current();
    List<TableBranchKeys> instances = instances(6);

    List<Optional<Instant>> rotated = Race.results(6, n -> instances.get(n).rotate(1));

    assertThat(rotated).filteredOn(Optional::isPresent).hasSize(1);
    Map<String, AttributeValue> item = storedItem();
    assertThat(item.get("current").n()).isEqualTo("2");
    assertThat(item.keySet()).filteredOn(name -> name.matches("v[0-9]+")).containsOnly("v1", "v2");
  }

  /**
   * The condition itself, made to decide: another rotation lands between this one's read and its
   * put (while it is at KMS), so only the conditional put can refuse it.
   */
  @Test
  void aRotationOvertakenBetweenItsReadAndItsPut_isRefusedByTheCondition() {
    anotherInstance().current();
    TableBranchKeys other = anotherInstance();
    KmsClient kms = aws.bean(KmsClient.class);
    TableBranchKeys overtaken =
        withKms(
            (method, args) -> {
              if (method.getName().equals("encrypt")) {
                assertThat(other.rotate(1)).isPresent();
              }
              return method.invoke(kms, args);
            });

    assertThat(overtaken.rotate(1)).isEmpty();

    Map<String, AttributeValue> item = storedItem();
    assertThat(item.get("current").n()).isEqualTo("2");
    assertThat(item.keySet()).filteredOn(name -> name.matches("v[0-9]+")).containsOnly("v1", "v2");
    assertThat(aws.kms.requests())
        .filteredOn(r -> r.operation().equals("Encrypt"))
        .as("both sealed a version 2; only one was stored")
        .hasSize(3);
  }

  /**
   * A put that landed but whose answer was lost: the SDK's retry of it fails the condition, and the
   * rotation still counts as done (it is this instance's version 2 in the table).
   */
  @Test
  void aRotationWhosePutLandedButWhoseAnswerWasLost_countsAsDone() {
    anotherInstance().current();
    DynamoDbClient dynamoDb = aws.bean(DynamoDbClient.class);
    DynamoDbClient retriedPuts =
        client(
            DynamoDbClient.class,
            (method, args) -> {
              if (method.getName().equals("putItem")) {
                method.invoke(dynamoDb, args); // lands; its answer is "lost"
              }
              return method.invoke(dynamoDb, args);
            });
    TableBranchKeys instance =
        new TableBranchKeys(
            retriedPuts,
            () -> aws.bean(KmsClient.class),
            aws.tableName,
            "alias/two-factor-test",
            new SecureRandom(),
            clock,
            aws.bean(PrimingScope.class));

    assertThat(instance.rotate(1)).contains(clock.instant());
    assertThat(storedItem().get("current").n()).isEqualTo("2");
  }

  /** An instance whose KMS client is {@code handler}. */
  private TableBranchKeys withKms(ClientCall handler) {
    KmsClient kms = client(KmsClient.class, handler);
    return new TableBranchKeys(
        aws.bean(DynamoDbClient.class),
        () -> kms,
        aws.tableName,
        "alias/two-factor-test",
        new SecureRandom(),
        clock,
        aws.bean(PrimingScope.class));
  }

  /**
   * An SDK client of {@code type} whose every call goes to {@code handler}; an exception a call it
   * makes through reflection throws is thrown as itself, as the real client would throw it.
   */
  private static <T> T client(Class<T> type, ClientCall handler) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              try {
                return handler.call(method, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }

  @FunctionalInterface
  private interface ClientCall {
    Object call(Method method, Object[] args) throws Exception;
  }

  @Test
  void aCiphertextRelabelledWithAnotherVersion_isRefused() {
    TableBranchKeys instance = anotherInstance();
    BranchKeySecretCipher cipher = cipherOver(instance);
    byte[] bytes = cipher.encrypt(SECRET, ALICE).bytes();
    assertThat(instance.rotate(1)).isPresent();
    ByteBuffer.wrap(bytes).putInt(5, 2);

    assertThatThrownBy(() -> cipher.decrypt(Ciphertext.of(bytes), ALICE))
        .isInstanceOf(SecretIntegrityException.class);
  }

  @Test
  void anUnknownVersion_isRefusedAfterOneFreshRead() {
    TableBranchKeys instance = anotherInstance();
    instance.current();
    aws.calls.reset();

    assertThatThrownBy(() -> instance.version(7)).isInstanceOf(SecretIntegrityException.class);
    assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem");
  }

  @Test
  void whilePriming_nothingIsReadOrOpened() {
    anotherInstance().current();
    TableBranchKeys restoredLater = anotherInstance();
    aws.calls.reset();

    aws.bean(PrimingScope.class)
        .run(
            () ->
                assertThatThrownBy(restoredLater::current)
                    .isInstanceOf(IllegalStateException.class));

    assertThat(aws.calls.calls()).isEmpty();
  }

  @Test
  void forget_dropsTheOpenedKey_soTheNextUseOpensItAgain() {
    TableBranchKeys instance = anotherInstance();
    instance.current();
    aws.calls.reset();

    instance.forget();
    instance.current();

    assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem", "Kms.Decrypt");
  }
}
