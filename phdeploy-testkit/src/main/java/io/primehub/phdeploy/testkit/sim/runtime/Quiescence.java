package io.primehub.phdeploy.testkit.sim.runtime;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Where a thread waits, without polling, until the simulators are idle: whatever changes what
 * idleness depends on calls {@link #signal()}, and waiters test again.
 */
public final class Quiescence {

  private final Object monitor = new Object();

  /** Wakes the waiters to test their condition again. */
  public void signal() {
    synchronized (monitor) {
      monitor.notifyAll();
    }
  }

  /**
   * Waits until the condition holds.
   *
   * @param condition tested whenever something signals, and once at the start
   * @param timeout how long to wait at most
   * @param pending says what is still outstanding, for the timeout's message
   * @throws TimeoutException naming what is outstanding, if the condition does not hold in time
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public void await(BooleanSupplier condition, Duration timeout, Supplier<String> pending)
      throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (monitor) {
      while (!condition.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TimeoutException(
              "the simulators are still busy after " + timeout + ": " + pending.get());
        }
        monitor.wait(Math.max(1, left / 1_000_000));
      }
    }
  }
}
