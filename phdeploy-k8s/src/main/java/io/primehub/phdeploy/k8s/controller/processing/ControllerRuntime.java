package io.primehub.phdeploy.k8s.controller.processing;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.k8s.controller.ControllerMetrics;
import io.primehub.phdeploy.k8s.controller.ReconcileResult;
import io.primehub.phdeploy.k8s.controller.Reconciler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the reconciler over the work queue: a bounded number of worker threads, one key at a
 * time per key, failures retried with backoff, time-based transitions requeued at their
 * instant by a timer thread, and a shutdown that lets in-flight reconciles finish.
 */
public final class ControllerRuntime implements CacheEvents {

  private static final Logger LOG = LoggerFactory.getLogger(ControllerRuntime.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration TIMER_TICK = Duration.ofSeconds(1);

  private final InformerCaches caches;
  private final Reconciler reconciler;
  private final Clock clock;
  private final int workerCount;
  private final ControllerMetrics metrics;
  private final FailureBackoff<String> backoff;
  private final Object lifecycle = new Object();
  private volatile WorkQueue<String> queue;
  private volatile List<Thread> threads = List.of();

  /** A runtime; it processes nothing until {@link #startProcessing()}. */
  public ControllerRuntime(
      InformerCaches caches,
      Reconciler reconciler,
      Clock clock,
      int workerCount,
      ControllerMetrics metrics,
      FailureBackoff<String> backoff) {
    this.caches = caches;
    this.reconciler = reconciler;
    this.clock = clock;
    this.workerCount = workerCount;
    this.metrics = metrics;
    this.backoff = backoff;
    this.queue = new WorkQueue<>(clock);
    this.queue.shutDown();
    metrics.bind(() -> queue.depth(), this::deploymentsByPhase);
  }

  /** Starts the workers and the timer, and queues every cached deployment once. */
  public void startProcessing() {
    synchronized (lifecycle) {
      if (!queue.isShutDown()) {
        return;
      }
      queue = new WorkQueue<>(clock);
      List<Thread> started = new ArrayList<>();
      for (int i = 0; i < workerCount; i++) {
        started.add(daemon("phdeploy-worker-" + i, this::work));
      }
      started.add(daemon("phdeploy-timer", this::tick));
      threads = List.copyOf(started);
      threads.forEach(Thread::start);
      LOG.info("Processing with {} workers", workerCount);
    }
    reconcileAll();
  }

  /**
   * Stops taking new work and waits up to {@code drain} for in-flight and queued reconciles to
   * finish.
   */
  public void stopProcessing(Duration drain) {
    List<Thread> running;
    synchronized (lifecycle) {
      queue.shutDown();
      running = threads;
      threads = List.of();
    }
    long deadline = System.nanoTime() + drain.toNanos();
    for (Thread thread : running) {
      try {
        thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    running.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
    if (!running.isEmpty()) {
      LOG.info("Stopped processing");
    }
  }

  /** Whether the workers run. */
  public boolean processing() {
    return !queue.isShutDown();
  }

  /** Queues every cached deployment. */
  public void reconcileAll() {
    caches.deploymentKeys().forEach(queue::add);
  }

  /**
   * Tells the queue that the clock moved, for clocks that jump (tests): what the jump made due
   * is ready before this returns.
   */
  public void clockChanged() {
    queue.clockChanged();
  }

  /** Keys waiting, in flight, and scheduled for later. */
  public int pendingWork() {
    return queue.depth() + queue.inFlight();
  }

  /**
   * Waits until no deployment is waiting for or in a reconcile.
   *
   * @return whether that happened within {@code timeout}
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    return queue.awaitIdle(timeout);
  }

  @Override
  public void changed(String key) {
    queue.add(key);
  }

  @Override
  public void groupFreed(String namespace, String groupLabel) {
    // The cache may lag the status this controller wrote; the informer's echo of that write
    // queues the deployment anyway, and its reconcile sees the freed room.
    caches.deploymentKeysOverQuota(namespace, groupLabel).forEach(queue::add);
  }

  private void work() {
    WorkQueue<String> mine = queue;
    try {
      Optional<String> key;
      while ((key = mine.poll(POLL)).isPresent() || !mine.isShutDown()) {
        if (key.isPresent()) {
          reconcile(mine, key.get());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void reconcile(WorkQueue<String> mine, String key) {
    long started = System.nanoTime();
    ControllerMetrics.Outcome outcome = ControllerMetrics.Outcome.SUCCESS;
    try {
      ReconcileResult result = Objects.requireNonNull(
          reconciler.reconcile(new CachedReconcileContext(caches, key, clock.instant())),
          "the reconciler answered no result");
      if (result.retry()) {
        outcome = ControllerMetrics.Outcome.RETRY;
        Duration delay = retryLater(mine, key);
        LOG.info("Retrying {} in {}: {}", key, delay, result.why());
      } else {
        backoff.forget(key);
        if (result.recheckAt() != null) {
          mine.addAt(key, result.recheckAt());
        }
      }
    } catch (KubernetesClientException e) {
      // The API server refused a request or did not answer in time: expected now and then, and
      // retried. Its message says all there is; a stack trace per failure would bury the logs.
      outcome = ControllerMetrics.Outcome.ERROR;
      Duration delay = retryLater(mine, key);
      LOG.warn("Reconciling {} failed (attempt {}): {}; retrying in {}", key,
          backoff.failures(key), e.getMessage(), delay);
    } catch (Exception | LinkageError e) {
      outcome = ControllerMetrics.Outcome.ERROR;
      Duration delay = retryLater(mine, key);
      LOG.error("Reconciling {} failed (attempt {}); retrying in {}", key,
          backoff.failures(key), delay, e);
    } finally {
      mine.done(key);
      metrics.reconciled(Duration.ofNanos(System.nanoTime() - started), outcome);
    }
  }

  private Duration retryLater(WorkQueue<String> mine, String key) {
    Duration delay = backoff.nextDelay(key);
    mine.addAfter(key, delay);
    return delay;
  }

  private void tick() {
    WorkQueue<String> mine = queue;
    try {
      while (!mine.isShutDown()) {
        mine.awaitNextDue(TIMER_TICK);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Map<Phase, Long> deploymentsByPhase() {
    return caches.deployments().stream()
        .map(DeploymentView::status)
        .filter(Objects::nonNull)
        .map(PhDeploymentStatus::phase)
        .filter(Objects::nonNull)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }
}
