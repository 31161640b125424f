package io.primehub.phdeploy.k8s.controller.processing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A queue of keys to reconcile with the guarantees a controller needs: a key is handed to one
 * worker at a time, adding a key that is already waiting does nothing (events coalesce), a key
 * added while it is being processed is handed out again once its worker is {@link #done done},
 * and a key can be scheduled for later, the earliest schedule winning.
 *
 * <p>Delayed keys become ready when {@link #promoteDue()} finds them due on the queue's clock;
 * {@link #awaitNextDue} lets one timer thread sleep until then. Keeping promotion explicit makes
 * the queue deterministic under a manual clock.
 *
 * @param <K> the key type, for example {@code namespace/name}
 */
public final class WorkQueue<K> {

  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition readyChanged = lock.newCondition();
  private final Condition scheduleChanged = lock.newCondition();
  private final Condition idle = lock.newCondition();
  private final ArrayDeque<K> ready = new ArrayDeque<>();
  private final Set<K> dirty = new HashSet<>();
  private final Set<K> processing = new HashSet<>();
  private final Map<K, Instant> dueByKey = new HashMap<>();
  private final TreeMap<Instant, Set<K>> keysByDue = new TreeMap<>();
  private boolean shutDown;

  /** A queue whose delays are measured on {@code clock}. */
  public WorkQueue(Clock clock) {
    this.clock = clock;
  }

  /** Makes a key ready now, unless it is waiting already; cancels a later schedule for it. */
  public void add(K key) {
    lock.lock();
    try {
      if (shutDown) {
        return;
      }
      unschedule(key);
      if (dirty.add(key) && !processing.contains(key)) {
        ready.addLast(key);
        readyChanged.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Makes a key ready after a delay; an earlier schedule or a ready key is kept. */
  public void addAfter(K key, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      add(key);
      return;
    }
    addAt(key, clock.instant().plus(delay));
  }

  /** Makes a key ready at an instant of the queue's clock; an earlier schedule is kept. */
  public void addAt(K key, Instant due) {
    lock.lock();
    try {
      if (shutDown || dirty.contains(key)) {
        return;
      }
      Instant current = dueByKey.get(key);
      if (current != null && !current.isAfter(due)) {
        return;
      }
      unschedule(key);
      dueByKey.put(key, due);
      keysByDue.computeIfAbsent(due, d -> new HashSet<>()).add(key);
      scheduleChanged.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes the next ready key, waiting up to {@code timeout} for one. The caller owns the key
   * until it calls {@link #done}.
   *
   * @return the key, or empty when none became ready in time or the queue is shut down and empty
   */
  public Optional<K> poll(Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (ready.isEmpty()) {
        if (shutDown || nanos <= 0) {
          return Optional.empty();
        }
        nanos = readyChanged.awaitNanos(nanos);
      }
      K key = ready.removeFirst();
      dirty.remove(key);
      processing.add(key);
      return Optional.of(key);
    } finally {
      lock.unlock();
    }
  }

  /** Releases a key taken with {@link #poll}; if it was added meanwhile, it is ready again. */
  public void done(K key) {
    lock.lock();
    try {
      processing.remove(key);
      if (dirty.contains(key)) {
        ready.addLast(key);
        readyChanged.signal();
      } else if (ready.isEmpty() && processing.isEmpty()) {
        idle.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Makes every scheduled key that is due on the clock ready.
   *
   * @return how many keys became ready
   */
  public int promoteDue() {
    Instant now = clock.instant();
    lock.lock();
    try {
      int promoted = 0;
      while (!keysByDue.isEmpty() && !keysByDue.firstKey().isAfter(now)) {
        for (K key : keysByDue.pollFirstEntry().getValue()) {
          dueByKey.remove(key);
          if (!shutDown && dirty.add(key) && !processing.contains(key)) {
            ready.addLast(key);
            promoted++;
          }
        }
      }
      if (promoted > 0) {
        readyChanged.signalAll();
      }
      return promoted;
    } finally {
      lock.unlock();
    }
  }

  /** When the earliest scheduled key is due, if any is scheduled. */
  public Optional<Instant> nextDue() {
    lock.lock();
    try {
      return keysByDue.isEmpty() ? Optional.empty() : Optional.of(keysByDue.firstKey());
    } finally {
      lock.unlock();
    }
  }

  private void awaitScheduleChange(Duration maxWait) throws InterruptedException {
    lock.lock();
    try {
      if (!shutDown) {
        scheduleChanged.await(maxWait.toNanos(), TimeUnit.NANOSECONDS);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Tells the queue that its clock jumped (a test moved it): the keys now due become ready at
   * once, on the caller's thread, and a timer thread waiting in {@link #awaitNextDue} wakes to
   * measure its wait again. Promoting here rather than leaving it to the timer makes a jump
   * deterministic: whoever moved the clock and then waits for {@link #awaitIdle idleness} waits
   * for the keys that the jump made due, instead of racing the timer thread.
   */
  public void clockChanged() {
    promoteDue();
    lock.lock();
    try {
      scheduleChanged.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sleeps until the next scheduled key is due on the clock, a schedule changes, or
   * {@code maxWait} of real time passes, then promotes what is due.
   */
  public void awaitNextDue(Duration maxWait) throws InterruptedException {
    Duration wait = nextDue()
        .map(due -> Duration.between(clock.instant(), due))
        .filter(untilDue -> untilDue.compareTo(maxWait) < 0)
        .orElse(maxWait);
    if (!wait.isNegative() && !wait.isZero()) {
      awaitScheduleChange(wait);
    }
    promoteDue();
  }

  /**
   * Waits until no key is ready or in flight (keys scheduled for later do not count).
   *
   * @return whether the queue became idle within {@code timeout}
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (!ready.isEmpty() || !processing.isEmpty()) {
        if (nanos <= 0) {
          return false;
        }
        nanos = idle.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Keys ready and not yet taken. */
  public int depth() {
    lock.lock();
    try {
      return ready.size();
    } finally {
      lock.unlock();
    }
  }

  /** Keys scheduled for later. */
  public int scheduled() {
    lock.lock();
    try {
      return dueByKey.size();
    } finally {
      lock.unlock();
    }
  }

  /** Keys handed out and not yet done. */
  public int inFlight() {
    lock.lock();
    try {
      return processing.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops accepting keys and drops the schedule. Keys already ready are still handed out, so
   * workers can drain them; {@link #poll} answers empty once none is left.
   */
  public void shutDown() {
    lock.lock();
    try {
      shutDown = true;
      dueByKey.clear();
      keysByDue.clear();
      readyChanged.signalAll();
      idle.signalAll();
      scheduleChanged.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Whether {@link #shutDown} was called. */
  public boolean isShutDown() {
    lock.lock();
    try {
      return shutDown;
    } finally {
      lock.unlock();
    }
  }

  private void unschedule(K key) {
    Instant due = dueByKey.remove(key);
    if (due != null) {
      Set<K> keys = keysByDue.get(due);
      keys.remove(key);
      if (keys.isEmpty()) {
        keysByDue.remove(due);
      }
    }
  }
}
