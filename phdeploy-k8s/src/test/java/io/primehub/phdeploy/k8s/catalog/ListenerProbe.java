package io.primehub.phdeploy.k8s.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A catalog listener that counts its notifications and lets a test wait for them. */
final class ListenerProbe implements Runnable {

  private static final long WAIT_SECONDS = 10;

  private final AtomicInteger count = new AtomicInteger();
  private final Semaphore unclaimed = new Semaphore(0);

  @Override
  public void run() {
    count.incrementAndGet();
    unclaimed.release();
  }

  /** Notifications so far. */
  int count() {
    return count.get();
  }

  /** Waits, for a few seconds at most, until one more notification than claimed so far came. */
  void awaitNext() throws InterruptedException {
    assertThat(unclaimed.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS))
        .as("a catalog change notification within %d s", WAIT_SECONDS)
        .isTrue();
  }
}
