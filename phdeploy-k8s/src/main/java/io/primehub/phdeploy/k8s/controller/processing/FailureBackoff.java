package io.primehub.phdeploy.k8s.controller.processing;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How long to wait before retrying a key whose reconcile failed: exponential in the number of
 * consecutive failures, with jitter so that many keys failing together do not retry together,
 * and capped. A success {@link #forget forgets} the key's failures.
 *
 * @param <K> the key type
 */
public final class FailureBackoff<K> {

  private final IntervalFunction intervals;
  private final ConcurrentMap<K, Integer> failures = new ConcurrentHashMap<>();

  /**
   * A backoff starting at {@code initial}, doubling per failure with ±50% jitter, never above
   * {@code max}.
   */
  public FailureBackoff(Duration initial, Duration max) {
    this.intervals =
        IntervalFunction.ofExponentialRandomBackoff(initial, 2.0, 0.5, max);
  }

  /** Counts one more failure of {@code key} and answers how long to wait before retrying it. */
  public Duration nextDelay(K key) {
    int attempt = failures.merge(key, 1, Integer::sum);
    return Duration.ofMillis(intervals.apply(attempt));
  }

  /** Consecutive failures counted for {@code key}. */
  public int failures(K key) {
    return failures.getOrDefault(key, 0);
  }

  /** Forgets the failures of {@code key}, after it reconciled successfully or was deleted. */
  public void forget(K key) {
    failures.remove(key);
  }
}
