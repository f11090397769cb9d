package com.twofactor.aws.snapstart;

import jakarta.inject.Singleton;

/**
 * Marks the priming work (at init and before a SnapStart snapshot) on the thread that runs it.
 * Inside the scope, AWS calls are built and signed with placeholder credentials and answered before
 * anything is sent (see {@link PrimingHttpClient}), so the execution role's credentials are never
 * fetched before the snapshot and cannot be restored into many sandboxes from it. Thread-safe: the
 * mark is per thread.
 */
@Singleton
public final class PrimingScope {
  private final ThreadLocal<Boolean> priming = ThreadLocal.withInitial(() -> Boolean.FALSE);

  /** Runs {@code work} inside the scope on this thread; a run inside a run leaves it in scope. */
  public void run(Runnable work) {
    boolean outer = priming.get();
    priming.set(Boolean.TRUE);
    try {
      work.run();
    } finally {
      if (!outer) {
        priming.remove();
      }
    }
  }

  /** Whether this thread is priming. */
  public boolean active() {
    return priming.get();
  }
}
