package io.primehub.phdeploy.k8s.client;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.HttpURLConnection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How often an update that lost a race is tried again: only a 409 Conflict is retried, since
 * re-reading and re-applying the change is the cure for exactly that and for nothing else. The
 * waits grow exponentially with jitter, so that writers that collided do not collide again.
 */
final class ConflictRetry {

  /** Five attempts, waiting about 100 ms, 200 ms, 400 ms and 800 ms between them. */
  static final ConflictRetry DEFAULT = new ConflictRetry(5, Duration.ofMillis(100));

  private static final Logger LOG = LoggerFactory.getLogger(ConflictRetry.class);
  private static final double MULTIPLIER = 2.0;
  private static final double JITTER = 0.5;

  private final int maxAttempts;
  private final RetryConfig config;

  ConflictRetry(int maxAttempts, Duration initialBackoff) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts is " + maxAttempts + "; give 1 or more");
    }
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw new IllegalArgumentException("initialBackoff is " + initialBackoff
          + "; give a positive duration");
    }
    this.maxAttempts = maxAttempts;
    this.config = RetryConfig.custom()
        .maxAttempts(maxAttempts)
        .intervalFunction(
            IntervalFunction.ofExponentialRandomBackoff(initialBackoff, MULTIPLIER, JITTER))
        .retryOnException(ConflictRetry::isConflict)
        .build();
  }

  /** How many times an update is attempted in all. */
  int maxAttempts() {
    return maxAttempts;
  }

  /** A retry for the deployment {@code key} that logs each retry. */
  Retry forKey(String key) {
    Retry retry = Retry.of(key, config);
    retry.getEventPublisher().onRetry(event -> LOG.info(
        "PhDeployment {} was changed concurrently; re-reading it and applying the change again"
            + " in {} ms (retry {} of {})",
        event.getName(), event.getWaitInterval().toMillis(), event.getNumberOfRetryAttempts(),
        maxAttempts - 1));
    return retry;
  }

  /** Whether the server refused a write because the object changed since it was read. */
  static boolean isConflict(Throwable error) {
    return error instanceof KubernetesClientException e
        && e.getCode() == HttpURLConnection.HTTP_CONFLICT;
  }
}
