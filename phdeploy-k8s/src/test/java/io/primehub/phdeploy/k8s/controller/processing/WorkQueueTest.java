package io.primehub.phdeploy.k8s.controller.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.primehub.phdeploy.k8s.testing.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

  private static final Duration NO_WAIT = Duration.ZERO;

  private final SteppingClock clock = new SteppingClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final WorkQueue<String> queue = new WorkQueue<>(clock);

  @Test
  void keysComeOutInOrderAndDuplicatesCoalesce() throws InterruptedException {
    queue.add("hub/a");
    queue.add("hub/b");
    queue.add("hub/a");

    assertThat(queue.depth()).isEqualTo(2);
    assertThat(queue.poll(NO_WAIT)).contains("hub/a");
    assertThat(queue.poll(NO_WAIT)).contains("hub/b");
    assertThat(queue.poll(NO_WAIT)).isEmpty();
  }

  @Test
  void aKeyAddedWhileProcessingIsHandedOutOnlyAfterDone() throws InterruptedException {
    queue.add("hub/a");
    String taken = queue.poll(NO_WAIT).orElseThrow();

    queue.add("hub/a");
    queue.add("hub/a");
    assertThat(queue.poll(NO_WAIT)).as("one worker per key").isEmpty();

    queue.done(taken);
    assertThat(queue.poll(NO_WAIT)).contains("hub/a");
    queue.done("hub/a");
    assertThat(queue.poll(NO_WAIT)).as("the two adds coalesced into one").isEmpty();
  }

  @Test
  void delayedKeysBecomeReadyWhenTheClockReachesThem() throws InterruptedException {
    queue.addAfter("hub/a", Duration.ofMinutes(5));

    assertThat(queue.promoteDue()).isZero();
    assertThat(queue.nextDue()).contains(Instant.parse("2026-01-01T00:05:00Z"));
    clock.advance(Duration.ofMinutes(5).minusNanos(1));
    assertThat(queue.promoteDue()).isZero();
    clock.advance(Duration.ofNanos(1));
    assertThat(queue.promoteDue()).isEqualTo(1);
    assertThat(queue.poll(NO_WAIT)).contains("hub/a");
    assertThat(queue.nextDue()).isEmpty();
  }

  @Test
  void theEarliestScheduleWinsAndAnAddCancelsTheSchedule() throws InterruptedException {
    queue.addAfter("hub/a", Duration.ofMinutes(5));
    queue.addAfter("hub/a", Duration.ofMinutes(1));
    queue.addAfter("hub/a", Duration.ofMinutes(3));
    assertThat(queue.scheduled()).isEqualTo(1);
    assertThat(queue.nextDue()).contains(Instant.parse("2026-01-01T00:01:00Z"));

    queue.add("hub/a");
    assertThat(queue.scheduled()).isZero();
    assertThat(queue.poll(NO_WAIT)).contains("hub/a");
    queue.done("hub/a");
    clock.advance(Duration.ofMinutes(10));
    assertThat(queue.promoteDue()).as("the schedule went with the add").isZero();
  }

  @Test
  void aKeyDueWhileProcessingRunsAgainAfterDone() throws InterruptedException {
    queue.add("hub/a");
    queue.poll(NO_WAIT).orElseThrow();
    queue.addAfter("hub/a", Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));

    assertThat(queue.promoteDue()).as("not handed out while in flight").isZero();
    queue.done("hub/a");
    assertThat(queue.poll(NO_WAIT)).contains("hub/a");
  }

  @Test
  void shutDownDrainsReadyKeysThenAnswersEmpty() throws InterruptedException {
    queue.add("hub/a");
    queue.addAfter("hub/b", Duration.ofSeconds(1));
    queue.shutDown();
    queue.add("hub/c");

    assertThat(queue.scheduled()).isZero();
    assertThat(queue.poll(Duration.ofSeconds(5))).contains("hub/a");
    assertThat(queue.poll(Duration.ofSeconds(5))).isEmpty();
  }

  @Test
  void pollWakesUpWhenAKeyArrives() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      var polled = executor.submit(() -> queue.poll(Duration.ofSeconds(30)));
      queue.add("hub/a");
      assertThat(polled.get(10, TimeUnit.SECONDS)).contains("hub/a");
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void keysAJumpOfTheClockMadeDueAreReadyAsSoonAsTheQueueIsTold() throws InterruptedException {
    queue.addAfter("hub/a", Duration.ofMinutes(5));
    queue.addAfter("hub/b", Duration.ofMinutes(10));
    clock.advance(Duration.ofMinutes(5));

    queue.clockChanged();

    assertThat(queue.depth()).isEqualTo(1);
    assertThat(queue.awaitIdle(NO_WAIT)).as("the due key counts as work").isFalse();
    assertThat(queue.poll(NO_WAIT)).contains("hub/a");
    assertThat(queue.nextDue()).contains(Instant.parse("2026-01-01T00:10:00Z"));
  }

  @Test
  void aTimerWaitingForTheNextDueWakesWhenTheClockIsSaidToHaveMoved() throws Exception {
    queue.addAfter("hub/a", Duration.ofHours(1));
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      var timer = executor.submit(() -> {
        queue.awaitNextDue(Duration.ofMinutes(1));
        return queue.depth();
      });
      clock.advance(Duration.ofHours(1));
      while (!timer.isDone()) {
        queue.clockChanged();
        Thread.onSpinWait();
      }
      assertThat(timer.get()).isEqualTo(1);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void concurrentWorkersNeverHoldTheSameKeyAtOnce() throws Exception {
    int workers = 4;
    int keys = 20;
    int rounds = 200;
    ConcurrentHashMap<String, Boolean> held = new ConcurrentHashMap<>();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger processed = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(workers);
    CountDownLatch stopped = new CountDownLatch(workers);
    for (int w = 0; w < workers; w++) {
      executor.submit(() -> {
        try {
          Optional<String> key;
          while ((key = queue.poll(Duration.ofMillis(200))).isPresent()) {
            if (held.putIfAbsent(key.get(), true) != null) {
              overlaps.incrementAndGet();
            }
            processed.incrementAndGet();
            held.remove(key.get());
            queue.done(key.get());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          stopped.countDown();
        }
        return null;
      });
    }
    List<String> names = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      names.add("hub/d" + k);
    }
    for (int r = 0; r < rounds; r++) {
      names.forEach(queue::add);
    }
    assertThat(stopped.await(30, TimeUnit.SECONDS)).isTrue();
    executor.shutdown();

    assertThat(overlaps).hasValue(0);
    assertThat(processed.get()).isBetween(keys, keys * rounds);
    assertThat(queue.depth()).isZero();
    assertThat(queue.inFlight()).isZero();
  }
}
