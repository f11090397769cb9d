package com.twofactor.aws.keys;

import com.twofactor.aws.snapstart.PrimingScope;
import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.SecretIntegrityException;
import com.twofactor.core.port.BranchKeyRotation;
import com.twofactor.core.port.BranchKeys;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The deployment's branch keys, kept KMS-sealed in the table: one item {@code pk = KEY#branch-key},
 * {@code sk = KEY} with {@code current} (the version new secrets use) and one attribute {@code
 * v<N>} per version, the KMS ciphertext of that version's 256 random bits under the encryption
 * context {@code {purpose: branch-key, version: <N>}}.
 *
 * <p><b>Creation.</b> The first use in a deployment finds no item, draws version 1, seals it and
 * stores it with a put conditional on no item existing; an instance that loses that race reads the
 * winner's. <b>Rotation.</b> {@link #rotate(int)} adds version {@code current + 1} with a put
 * conditional on {@code current} being unchanged, keeping every earlier version, so everything
 * sealed before stays readable; other instances start sealing under it when their copy expires. The
 * item records when version 1 was created ({@code createdAt}) and when the current version was made
 * current ({@code rotatedAt}).
 *
 * <p><b>Caching.</b> An instance reads the item and opens (KMS {@code Decrypt}) each version it
 * needs at most once per {@link #MAX_AGE} of the injected clock: a warm login makes no KMS call,
 * and a deployment spends one {@code Decrypt} per instance per ten minutes, not one per login. A
 * version missing from the copy (sealed by an instance that already saw a rotation) triggers one
 * fresh read. Nothing is read while {@link PrimingScope} is active, so no key can be in a SnapStart
 * snapshot, and {@link #forget()} (before a snapshot and after each restore) drops what an instance
 * holds.
 *
 * <p>Thread-safe: the copy is an immutable snapshot in a volatile field, loaded under a lock
 * (rotating and forgetting only drop or replace it, so a read that was under way when this instance
 * rotated may keep the version before for up to {@link #MAX_AGE}); versions are opened through a
 * concurrent map, once each.
 */
public final class TableBranchKeys implements BranchKeys, BranchKeyRotation {
  /** The key's name, and the {@code purpose} of its KMS encryption context. */
  public static final String NAME = "branch-key";

  /** How long an instance keeps the item and the versions it opened. */
  public static final Duration MAX_AGE = Duration.ofMinutes(10);

  private static final int KEY_BYTES = 32;
  private static final String CURRENT = "current";
  private static final String CREATED_AT = "createdAt";
  private static final String ROTATED_AT = "rotatedAt";

  private final SealedKeyTable table;
  private final SecureRandom random;
  private final Clock clock;
  private final PrimingScope priming;
  private volatile Snapshot snapshot;

  public TableBranchKeys(
      DynamoDbClient dynamoDb,
      Supplier<KmsClient> kms,
      String tableName,
      String kmsKeyId,
      SecureRandom random,
      Clock clock,
      PrimingScope priming) {
    this.table = new SealedKeyTable(dynamoDb, kms, tableName, kmsKeyId);
    this.random = random;
    this.clock = clock;
    this.priming = priming;
  }

  /** What an instance knows of the item, from one read; versions are opened on first need. */
  private record Snapshot(
      Instant readAt,
      int current,
      Map<Integer, SdkBytes> sealed,
      ConcurrentHashMap<Integer, BranchKey> opened) {}

  @Override
  public BranchKey current() {
    Snapshot known = fresh();
    return open(known, known.current());
  }

  @Override
  public BranchKey version(int version) {
    Snapshot known = fresh();
    if (!known.sealed().containsKey(version)) {
      known = reread(known);
      if (!known.sealed().containsKey(version)) {
        throw new SecretIntegrityException(
            new GeneralSecurityException("no branch-key version " + version));
      }
    }
    return open(known, version);
  }

  @Override
  public Optional<CurrentVersion> currentVersion() {
    Map<String, AttributeValue> item = table.read(NAME);
    if (item == null) {
      return Optional.empty();
    }
    AttributeValue since = item.getOrDefault(ROTATED_AT, item.get(CREATED_AT));
    return Optional.of(
        new CurrentVersion(Integer.parseInt(item.get(CURRENT).n()), Instant.parse(since.s())));
  }

  /**
   * Adds version {@code expected + 1} with a put conditional on {@code current} still being {@code
   * expected}, keeping every earlier version; creates version 1 when {@code expected} is 0. This
   * instance's next read sees the new version; other instances' when their copy expires.
   */
  @Override
  public Optional<Instant> rotate(int expected) {
    Map<String, AttributeValue> item = table.read(NAME);
    if ((item == null ? 0 : Integer.parseInt(item.get(CURRENT).n())) != expected) {
      return Optional.empty();
    }
    if (item == null) {
      Snapshot created = create();
      if (created == null) {
        return Optional.empty();
      }
      snapshot = created;
      // Made by this call: read at the instant it stored as createdAt.
      return Optional.of(created.readAt());
    }
    int next = expected + 1;
    Instant now = clock.instant();
    byte[] material = new byte[KEY_BYTES];
    random.nextBytes(material);
    try {
      AttributeValue sealed = AttributeValue.fromB(table.seal(material, context(next)));
      Map<String, AttributeValue> updated = new HashMap<>(item);
      updated.remove("pk");
      updated.remove("sk");
      updated.put(attribute(next), sealed);
      updated.put(CURRENT, AttributeValue.fromN(Integer.toString(next)));
      updated.put(ROTATED_AT, AttributeValue.fromS(now.toString()));
      if (!table.write(
              NAME,
              updated,
              "#current = :expected",
              Map.of("#current", CURRENT),
              Map.of(":expected", AttributeValue.fromN(Integer.toString(expected))))
          && !landed(next, sealed)) {
        return Optional.empty();
      }
    } finally {
      Arrays.fill(material, (byte) 0);
    }
    forget();
    return Optional.of(now);
  }

  /**
   * Whether a put refused by its condition was this instance's own after all: the SDK retries a
   * call whose answer was lost, and the retry of a put that had landed fails its condition. The
   * sealed bytes name the writer, since KMS never returns the same ciphertext twice.
   */
  private boolean landed(int version, AttributeValue sealed) {
    Map<String, AttributeValue> stored = table.read(NAME);
    return stored != null && sealed.equals(stored.get(attribute(version)));
  }

  /** Drops every key and the item this instance holds; the next use reads them anew. */
  public void forget() {
    snapshot = null;
  }

  private Snapshot fresh() {
    Snapshot known = snapshot;
    if (known != null && isFresh(known)) {
      return known;
    }
    synchronized (this) {
      known = snapshot;
      if (known == null || !isFresh(known)) {
        known = load();
        snapshot = known;
      }
      return known;
    }
  }

  private synchronized Snapshot reread(Snapshot seen) {
    Snapshot known = snapshot;
    if (known != null && known != seen && isFresh(known)) {
      return known;
    }
    known = load();
    snapshot = known;
    return known;
  }

  private boolean isFresh(Snapshot known) {
    return clock.instant().isBefore(known.readAt().plus(MAX_AGE));
  }

  private Snapshot load() {
    if (priming.active()) {
      throw new IllegalStateException("the branch key is never read while priming");
    }
    Map<String, AttributeValue> item = table.read(NAME);
    if (item == null) {
      Snapshot created = create();
      if (created != null) {
        return created;
      }
      item = table.read(NAME);
      if (item == null) {
        throw new DependencyUnavailableException(
            "DynamoDB GetItem", new IllegalStateException("the key vanished after a lost race"));
      }
    }
    return snapshotOf(item, new ConcurrentHashMap<>(), clock.instant());
  }

  /** Version 1 stored by this instance, or null when another instance stored one first. */
  private Snapshot create() {
    Instant now = clock.instant();
    byte[] material = new byte[KEY_BYTES];
    random.nextBytes(material);
    try {
      AttributeValue sealed = AttributeValue.fromB(table.seal(material, context(1)));
      Map<String, AttributeValue> item =
          Map.of(
              CURRENT,
              AttributeValue.fromN("1"),
              attribute(1),
              sealed,
              CREATED_AT,
              AttributeValue.fromS(now.toString()));
      if (!table.write(NAME, item, "attribute_not_exists(pk)", Map.of(), Map.of())
          && !landed(1, sealed)) {
        return null;
      }
      ConcurrentHashMap<Integer, BranchKey> opened = new ConcurrentHashMap<>();
      opened.put(1, new BranchKey(1, new SecretKeySpec(material, "AES")));
      return snapshotOf(item, opened, now);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  /**
   * The copy of {@code item} read (or, for a key this instance made, written) at {@code readAt}.
   */
  private Snapshot snapshotOf(
      Map<String, AttributeValue> item,
      ConcurrentHashMap<Integer, BranchKey> opened,
      Instant readAt) {
    Map<Integer, SdkBytes> sealed = new HashMap<>();
    item.forEach(
        (name, value) -> {
          if (name.matches("v[1-9][0-9]*") && value.b() != null) {
            sealed.put(Integer.parseInt(name.substring(1)), value.b());
          }
        });
    int current = Integer.parseInt(item.get(CURRENT).n());
    return new Snapshot(readAt, current, Map.copyOf(sealed), opened);
  }

  private BranchKey open(Snapshot known, int version) {
    return known
        .opened()
        .computeIfAbsent(
            version,
            v -> {
              byte[] material = table.open(known.sealed().get(v), context(v));
              try {
                return new BranchKey(v, new SecretKeySpec(material, "AES"));
              } finally {
                Arrays.fill(material, (byte) 0);
              }
            });
  }

  private static String attribute(int version) {
    return "v" + version;
  }

  private static Map<String, String> context(int version) {
    return Map.of("purpose", NAME, "version", Integer.toString(version));
  }

  @Override
  public String toString() {
    return "TableBranchKeys";
  }
}
