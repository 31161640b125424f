package io.primehub.phdeploy.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A clock that stands still until the test moves it, so that time-based behaviour (a readiness
 * delay, a back-off, a deploy timeout) happens exactly when the test says. Listeners hear of every
 * move, on the thread that made it; the in-memory cluster listens to re-evaluate what depends on
 * time. Thread-safe. Copies made by {@link #withZone} share the time and the listeners.
 */
public final class ManualClock extends Clock {

  private final Shared shared;
  private final ZoneId zone;

  private ManualClock(Shared shared, ZoneId zone) {
    this.shared = shared;
    this.zone = zone;
  }

  /** A clock standing at this instant, in UTC. */
  public static ManualClock at(Instant start) {
    return new ManualClock(new Shared(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  /** A clock standing at the system's time now, to the second, in UTC. */
  public static ManualClock startingNow() {
    return at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * Moves the clock forward and tells the listeners.
   *
   * @throws IllegalArgumentException if the duration is negative
   */
  public ManualClock advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          "a clock advances by a positive duration, got " + duration);
    }
    Instant now;
    synchronized (shared) {
      now = shared.now.plus(duration);
      shared.now = now;
    }
    shared.tell(now);
    return this;
  }

  /** Sets the clock to this instant, forward or back, and tells the listeners. */
  public ManualClock set(Instant instant) {
    synchronized (shared) {
      shared.now = Objects.requireNonNull(instant, "instant");
    }
    shared.tell(instant);
    return this;
  }

  /** Calls the listener with the new time whenever the clock moves, on the thread that moved it. */
  public void addListener(Consumer<Instant> listener) {
    shared.listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Stops calling a listener added before; does nothing if it was not added. */
  public void removeListener(Consumer<Instant> listener) {
    shared.listeners.remove(listener);
  }

  @Override
  public Instant instant() {
    synchronized (shared) {
      return shared.now;
    }
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public ManualClock withZone(ZoneId newZone) {
    return new ManualClock(shared, Objects.requireNonNull(newZone, "newZone"));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ManualClock clock && clock.shared == shared && clock.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(shared) * 31 + zone.hashCode();
  }

  @Override
  public String toString() {
    return "ManualClock[" + instant() + "," + zone + "]";
  }

  /** The time and listeners that every zone's copy of a clock shares. */
  private static final class Shared {

    private Instant now;
    private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();

    Shared(Instant start) {
      this.now = start;
    }

    void tell(Instant instant) {
      listeners.forEach(listener -> listener.accept(instant));
    }
  }
}
