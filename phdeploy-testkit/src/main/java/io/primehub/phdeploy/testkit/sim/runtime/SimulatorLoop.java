package io.primehub.phdeploy.testkit.sim.runtime;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread on which every simulator works, so that they never race each other and informer
 * threads never block. Work is keyed: a key already waiting to run is not queued twice, since a
 * task reads the state it acts on when it runs, not when it was queued. A task that fails runs
 * again a second later, as a real controller requeues work whose request failed: the failed
 * request may have been the last change the task was waiting for, so no event may bring it back.
 * A task whose object changed (409) or went (404) meanwhile is not run again.
 */
public final class SimulatorLoop implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatorLoop.class);
  private static final int NOT_FOUND = 404;
  private static final int CONFLICT = 409;
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final ExecutorService worker = Executors.newSingleThreadExecutor(
      runnable -> daemon(runnable, "phdeploy-testkit-simulator"));
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      runnable -> daemon(runnable, "phdeploy-testkit-simulator-timer"));
  private final Set<String> queued = ConcurrentHashMap.newKeySet();
  private final AtomicInteger outstanding = new AtomicInteger();
  private final Quiescence quiescence;
  private volatile boolean closed;

  /** A loop that signals this quiescence whenever a task ends. */
  public SimulatorLoop(Quiescence quiescence) {
    this.quiescence = quiescence;
  }

  /** Runs the task on the loop, unless a task of the same key is already waiting to run. */
  public void submit(String key, Runnable task) {
    if (!queued.add(key)) {
      return;
    }
    outstanding.incrementAndGet();
    try {
      worker.execute(() -> run(key, task));
    } catch (RejectedExecutionException closed) {
      queued.remove(key);
      finished();
    }
  }

  /**
   * Runs the task on the loop after this much real time. Until then the loop counts as idle:
   * this is for retries that real controllers make on their own schedule.
   */
  public void submitAfter(Duration delay, String key, Runnable task) {
    try {
      timer.schedule(() -> submit(key, task), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      LOG.debug("not scheduling {}: the loop is closed", key);
    }
  }

  /** Whether no task is waiting or running. */
  public boolean idle() {
    return outstanding.get() == 0;
  }

  /** The keys of the tasks waiting to run, for messages. */
  public Set<String> waiting() {
    return Set.copyOf(queued);
  }

  /** Stops the loop; tasks waiting to run are dropped. */
  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    worker.shutdownNow();
  }

  private void run(String key, Runnable task) {
    queued.remove(key);
    try {
      task.run();
    } catch (RuntimeException e) {
      // A conflict means a newer version is on its way, and its event brings the work back; an
      // object not found was deleted meanwhile, and there is nothing left to do for it.
      boolean expected = closed || (e instanceof KubernetesClientException k
          && (k.getCode() == CONFLICT || k.getCode() == NOT_FOUND));
      if (expected) {
        LOG.debug("simulator task {} gave up: {}", key, e.getMessage());
      } else {
        LOG.warn("simulator task {} failed; it runs again in {}", key, RETRY, e);
        submitAfter(RETRY, key, task);
      }
    } finally {
      finished();
    }
  }

  private void finished() {
    outstanding.decrementAndGet();
    quiescence.signal();
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
