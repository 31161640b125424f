package io.primehub.phdeploy.bench;

import io.primehub.phdeploy.k8s.controller.ControllerMetrics;
import java.time.Duration;

/** Counts the controller's reconciles, so that a benchmark can wait until each key had one. */
final class ReconcileCounter implements ControllerMetrics {

  private long count;

  @Override
  public synchronized void reconciled(Duration elapsed, Outcome outcome) {
    count++;
    notifyAll();
  }

  /** Forgets the reconciles so far. */
  synchronized void reset() {
    count = 0;
  }

  /**
   * Waits until at least {@code expected} reconciles ended since the last reset.
   *
   * @throws IllegalStateException with the count reached if {@code timeout} passes first
   */
  synchronized void await(long expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count < expected) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException(
            count + " of " + expected + " reconciles ended after " + timeout);
      }
      wait(Math.max(1, Duration.ofNanos(left).toMillis()));
    }
  }
}
