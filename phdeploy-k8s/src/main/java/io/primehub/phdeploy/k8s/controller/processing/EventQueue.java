package io.primehub.phdeploy.k8s.controller.processing;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Events on a thread of its own, so that a reconcile never waits for one: events are
 * best-effort, as Kubernetes' own controllers record them. At most a bounded number wait; when
 * that many are waiting (the API server is slow or down), further events are dropped and
 * counted rather than piling up in memory or holding back the reconciles.
 */
public final class EventQueue implements AutoCloseable {

  /** How many events may wait to be written; as many as client-go's event broadcaster. */
  public static final int DEFAULT_CAPACITY = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(EventQueue.class);

  private final KubernetesClient client;
  private final ThreadPoolExecutor writer;
  private final AtomicLong dropped = new AtomicLong();
  /** Drops since the last event that found room, to log an overflow once rather than per event. */
  private final AtomicLong droppedInOverflow = new AtomicLong();
  private final Object pendingLock = new Object();
  private int pending;

  /** A queue writing through {@code client}, holding at most {@code capacity} events. */
  public EventQueue(KubernetesClient client, int capacity) {
    this.client = client;
    this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(capacity), EventQueue::daemon);
  }

  /** Queues an event to be written; drops it if the queue is full or closed. */
  public void add(Event event) {
    started();
    try {
      writer.execute(() -> write(event));
    } catch (RejectedExecutionException e) {
      finished(1);
      drop(event);
      return;
    }
    long overflow = droppedInOverflow.getAndSet(0);
    if (overflow > 0) {
      LOG.warn("The event queue has room again; {} events were dropped while it was full",
          overflow);
    }
  }

  /** Events dropped since this queue was made: it was full, or closed before they were written. */
  public long dropped() {
    return dropped.get();
  }

  /**
   * Waits until every queued event has been written or has failed.
   *
   * @return whether that happened within {@code timeout}
   */
  public boolean awaitWritten(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (pendingLock) {
      while (pending > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(pendingLock, left);
      }
      return true;
    }
  }

  /**
   * Takes no more events and lets those queued be written within {@code drain}; what is left
   * then is dropped.
   */
  public void close(Duration drain) {
    writer.shutdown();
    try {
      if (!writer.awaitTermination(drain.toNanos(), TimeUnit.NANOSECONDS)) {
        int left = unwritten();
        LOG.warn("{} events were not written within {} of stopping", left, drain);
      }
    } catch (InterruptedException e) {
      unwritten();
      Thread.currentThread().interrupt();
    }
  }

  /** Closes at once, dropping what waits. */
  @Override
  public void close() {
    close(Duration.ZERO);
  }

  /** Stops the writer at once and drops what waits; answers how many events that was. */
  private int unwritten() {
    int left = writer.shutdownNow().size();
    dropped.addAndGet(left);
    finished(left);
    return left;
  }

  private void write(Event event) {
    try {
      client.v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      if (writer.isShutdown()) {
        LOG.debug("The controller stopped while the event {} of {} was being written",
            event.getReason(), event.getInvolvedObject().getName());
      } else {
        LOG.warn("Could not record the event {} of {}: {}", event.getReason(),
            event.getInvolvedObject().getName(), e.getMessage());
      }
    } finally {
      finished(1);
    }
  }

  private void drop(Event event) {
    dropped.incrementAndGet();
    if (writer.isShutdown()) {
      LOG.debug("The controller stops; the event {} of {} is dropped", event.getReason(),
          event.getInvolvedObject().getName());
    } else if (droppedInOverflow.getAndIncrement() == 0) {
      LOG.warn("The event queue is full ({} events waiting for the API server); "
          + "events are dropped until it has room", writer.getQueue().size());
    }
  }

  private void started() {
    synchronized (pendingLock) {
      pending++;
    }
  }

  private void finished(int events) {
    synchronized (pendingLock) {
      pending -= events;
      if (pending == 0) {
        pendingLock.notifyAll();
      }
    }
  }

  private static Thread daemon(Runnable body) {
    Thread thread = new Thread(body, "phdeploy-events");
    thread.setDaemon(true);
    return thread;
  }
}
