package com.twofactor.aws.config;

import com.twofactor.aws.snapstart.PrimingScope;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The execution role's credentials, fetched on first use by a provider made on demand, and
 * forgotten around a SnapStart snapshot ({@link #forget()}): the provider that caches them is
 * dropped, so a restored sandbox fetches its own from its own runtime instead of reusing those of
 * the sandbox that took the snapshot. While {@link PrimingScope} is active it answers fixed
 * placeholder keys that sign nothing AWS would accept. Thread-safe.
 */
public final class RuntimeCredentialsProvider implements AwsCredentialsProvider, SdkAutoCloseable {
  static final AwsCredentials PRIMING =
      AwsBasicCredentials.create("PRIMINGONLYNOTAKEY00", "snapstart-priming-placeholder");

  private final Supplier<AwsCredentialsProvider> factory;
  private final PrimingScope priming;
  private final AtomicReference<AwsCredentialsProvider> current = new AtomicReference<>();

  public RuntimeCredentialsProvider(
      Supplier<AwsCredentialsProvider> factory, PrimingScope priming) {
    this.factory = factory;
    this.priming = priming;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    if (priming.active()) {
      return PRIMING;
    }
    AwsCredentialsProvider provider = current.get();
    if (provider == null) {
      AwsCredentialsProvider made = factory.get();
      provider = current.compareAndExchange(null, made);
      if (provider == null) {
        provider = made;
      } else {
        close(made);
      }
    }
    return provider.resolveCredentials();
  }

  /** Drops the provider and whatever it cached; the next call makes a new one. */
  public void forget() {
    close(current.getAndSet(null));
  }

  /** Whether a provider (and so possibly cached credentials) is held now. */
  public boolean holdsProvider() {
    return current.get() != null;
  }

  @Override
  public void close() {
    forget();
  }

  private static void close(AwsCredentialsProvider provider) {
    if (provider instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // A provider that fails to close holds nothing we still use.
      }
    }
  }
}
