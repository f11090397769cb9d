package com.twofactor.aws.snapstart;

import com.twofactor.aws.config.RuntimeCredentialsProvider;
import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.crac.OrderedResource;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every {@link Primer} once per instance, inside {@link PrimingScope}: started on a background
 * thread while Lambda initializes the function ({@link InitTimePriming}), so building the AWS
 * clients and the first marshalling and signing overlap the framework's own start-up instead of
 * adding to the first request; or on the calling thread before a SnapStart snapshot if nothing
 * started it. Before the snapshot it waits for a run still under way (so no priming thread is
 * frozen mid-call), then builds every singleton the function has not built yet (the functions build
 * them on first use, see LambdaContexts; a snapshot should hold them all, and a wiring error should
 * fail the version's publication, not its first request), and drops the credentials provider; after
 * each restore it drops it again, so every restored sandbox fetches its own credentials. The
 * primers are resolved only when the run starts, one by one, so creating this bean builds nothing
 * and one primer that cannot be built or fails does not stop the others.
 *
 * <p>Thread-safe: the run is one {@link FutureTask}, claimed once.
 */
@Singleton
public final class PrimingRun implements OrderedResource {
  private static final Logger LOG = LoggerFactory.getLogger(PrimingRun.class);

  /** Far above a priming run's few hundred milliseconds; Lambda's init limit is 10 seconds. */
  static final Duration SNAPSHOT_WAIT = Duration.ofSeconds(8);

  private final BeanContext context;
  private final PrimingScope scope;
  private final BeanProvider<RuntimeCredentialsProvider> credentials;
  private final AtomicReference<FutureTask<Void>> run = new AtomicReference<>();

  public PrimingRun(
      BeanContext context,
      PrimingScope scope,
      BeanProvider<RuntimeCredentialsProvider> credentials) {
    this.context = context;
    this.scope = scope;
    this.credentials = credentials;
  }

  /** Starts the run on a daemon thread unless it has started; returns at once, never throws. */
  public void startInBackground() {
    FutureTask<Void> task = claim();
    if (task != null) {
      try {
        Thread thread = new Thread(task, "two-factor-priming");
        thread.setDaemon(true);
        thread.start();
      } catch (RuntimeException | OutOfMemoryError e) {
        // No thread: the first request warms what it needs itself.
        LOG.warn("priming could not start: {}", e.toString());
      }
    }
  }

  /** Whether the run has started (or finished), here or on another thread. */
  public boolean started() {
    return run.get() != null;
  }

  /**
   * Runs the primers on this thread unless a run has started; then waits for that run.
   *
   * @return whether the run has finished
   */
  public boolean awaitPrimed() {
    FutureTask<Void> task = claim();
    if (task != null) {
      task.run();
      return true;
    }
    try {
      run.get().get(SNAPSHOT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("priming did not finish: {}", e.toString());
    }
    return false;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    awaitPrimed();
    buildEverySingleton();
    credentials.get().forget();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Whatever an init-time call cached belongs to the sandbox that took the snapshot.
    credentials.get().forget();
  }

  /**
   * The service's own singletons (its classes and what its factories make) not built yet: what
   * micronaut-function-aws's eager start would have built of ours. A failure fails the snapshot.
   */
  private void buildEverySingleton() {
    for (BeanDefinition<?> definition :
        context.getBeanDefinitions(Qualifiers.byStereotype(Singleton.class))) {
      if (ours(definition) && !definition.isAbstract() && !definition.isIterable()) {
        context.getBean(definition);
      }
    }
  }

  private static boolean ours(BeanDefinition<?> definition) {
    Class<?> declaring = definition.getDeclaringType().orElse(definition.getBeanType());
    return declaring.getName().startsWith("com.twofactor.");
  }

  /** The run's task if this caller claimed it, null if it was claimed before. */
  private FutureTask<Void> claim() {
    FutureTask<Void> task = new FutureTask<>(() -> scope.run(this::primeAll), null);
    return run.compareAndSet(null, task) ? task : null;
  }

  private void primeAll() {
    for (BeanDefinition<Primer> definition : context.getBeanDefinitions(Primer.class)) {
      try {
        context.getBean(definition).prime();
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) { // NOPMD: a primer that cannot be built or fails only costs warmth
        LOG.warn(
            "priming of {} failed: {}", definition.getBeanType().getSimpleName(), e.toString());
      }
    }
  }
}
