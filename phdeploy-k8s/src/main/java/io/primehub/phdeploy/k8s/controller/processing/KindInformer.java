package io.primehub.phdeploy.k8s.controller.processing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One informer that must keep running: when it stops on its own (its {@code stopped()} future
 * completes while the controller runs), that is logged, reported as unhealthy, and a fresh
 * informer is started after a delay, which lists the kind again. An informer is never left
 * silently stopped.
 *
 * @param <T> the kind it caches
 */
final class KindInformer<T extends HasMetadata> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KindInformer.class);

  private final String kind;
  private final Supplier<SharedIndexInformer<T>> create;
  private final ScheduledExecutorService restarts;
  private final Duration restartDelay;
  private volatile SharedIndexInformer<T> informer;
  private volatile boolean closed;
  private volatile boolean healthy = true;

  /**
   * @param kind what it caches, for logs and health
   * @param create makes a configured informer (store, indexers, handler) that is not started
   */
  KindInformer(
      String kind,
      Supplier<SharedIndexInformer<T>> create,
      ScheduledExecutorService restarts,
      Duration restartDelay) {
    this.kind = kind;
    this.create = create;
    this.restarts = restarts;
    this.restartDelay = restartDelay;
  }

  /** Starts the informer; the future completes once its cache holds the initial list. */
  CompletableFuture<Void> start() {
    SharedIndexInformer<T> started = create.get();
    informer = started;
    started.stopped().whenComplete((ignored, error) -> stoppedOnItsOwn(started, error));
    return started.start().toCompletableFuture();
  }

  /** The cached object under {@code namespace/name}, or {@code null}. */
  T get(String key) {
    return informer.getStore().getByKey(key);
  }

  /** The cached objects whose index {@code index} holds {@code value}. */
  List<T> byIndex(String index, String value) {
    return informer.getIndexer().byIndex(index, value);
  }

  /** The key of every cached object, read without reading the objects. */
  List<String> keys() {
    return informer.getStore().listKeys();
  }

  /** Whether the informer is watching and has not stopped unexpectedly. */
  boolean healthy() {
    return healthy && informer != null && informer.isRunning();
  }

  /** Whether the informer's cache holds the initial list. */
  boolean synced() {
    return informer != null && informer.hasSynced();
  }

  /** What this informer caches. */
  String kind() {
    return kind;
  }

  @Override
  public void close() {
    closed = true;
    if (informer != null) {
      informer.close();
    }
  }

  static String keyOf(HasMetadata resource) {
    return Cache.metaNamespaceKeyFunc(resource);
  }

  private void stoppedOnItsOwn(SharedIndexInformer<T> stopped, Throwable error) {
    if (closed || stopped != informer) {
      return;
    }
    healthy = false;
    LOG.error("The {} informer stopped{}; starting a new one in {}", kind,
        error == null ? "" : " (" + error.getMessage() + ")", restartDelay, error);
    restarts.schedule(this::restart, restartDelay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void restart() {
    if (closed) {
      return;
    }
    start().whenComplete((ignored, error) -> {
      if (error == null) {
        healthy = true;
        LOG.info("The {} informer runs again", kind);
      } else {
        LOG.error("The {} informer could not start again: {}", kind, error.getMessage());
      }
    });
  }
}
