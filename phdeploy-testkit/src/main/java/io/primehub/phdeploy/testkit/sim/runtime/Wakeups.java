package io.primehub.phdeploy.testkit.sim.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Work due at an instant of the cluster's clock: a readiness delay that ends, a back-off that
 * expires. With a clock that moves by itself, a timer brings the work to the loop when it is due;
 * with a manual clock, {@link #clockMoved()} does, so that nothing happens before the test moves
 * the clock and everything due happens when it does.
 */
public final class Wakeups {

  private final Clock clock;
  private final SimulatorLoop loop;
  private final boolean realTime;
  private final NavigableMap<Instant, Map<String, Runnable>> pending = new TreeMap<>();

  /**
   * Wake-ups on this clock.
   *
   * @param realTime whether the clock moves by itself, so that timers must bring due work
   */
  public Wakeups(Clock clock, SimulatorLoop loop, boolean realTime) {
    this.clock = clock;
    this.loop = loop;
    this.realTime = realTime;
  }

  /** Runs the task on the loop once the clock reaches this instant; at once if it has. */
  public void at(Instant when, String key, Runnable task) {
    synchronized (pending) {
      pending.computeIfAbsent(when, w -> new LinkedHashMap<>()).put(key, task);
    }
    if (realTime) {
      // A millisecond late, so that the clock has surely reached the instant when the timer fires.
      Duration wait = Duration.between(clock.instant(), when).plusMillis(1);
      loop.submitAfter(wait.isNegative() ? Duration.ZERO : wait, "wakeups", this::clockMoved);
    }
    clockMoved();
  }

  /** Hands every task now due to the loop. */
  public void clockMoved() {
    Instant now = clock.instant();
    List<Map<String, Runnable>> due = new ArrayList<>();
    synchronized (pending) {
      NavigableMap<Instant, Map<String, Runnable>> reached = pending.headMap(now, true);
      due.addAll(reached.values());
      reached.clear();
    }
    due.forEach(tasks -> tasks.forEach(loop::submit));
  }
}
