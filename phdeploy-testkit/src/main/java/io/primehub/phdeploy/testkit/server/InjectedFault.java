package io.primehub.phdeploy.testkit.server;

import io.primehub.phdeploy.core.Nullable;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault in force: which requests it hits, what it does to them, and how often. Made by
 * {@link FaultBuilder}; {@link #remove()} takes it out again.
 */
public final class InjectedFault {

  static final int UNLIMITED = -1;

  private final Faults owner;
  private final FaultBuilder.Match match;
  private final FaultAction action;
  private final AtomicInteger remaining;
  private final double probability;
  private final @Nullable Random random;
  private final AtomicInteger hits = new AtomicInteger();

  InjectedFault(
      Faults owner, FaultBuilder.Match match, FaultAction action, int times, double probability,
      @Nullable Random random) {
    this.owner = owner;
    this.match = match;
    this.action = action;
    this.remaining = new AtomicInteger(times);
    this.probability = probability;
    this.random = random;
  }

  /** How many requests this fault has hit so far. */
  public int hits() {
    return hits.get();
  }

  /** Whether this fault has hit as many requests as it was allowed to. */
  public boolean exhausted() {
    return remaining.get() == 0;
  }

  /** Takes this fault out; requests it would have hit are served normally from now on. */
  public void remove() {
    owner.remove(this);
  }

  FaultAction action() {
    return action;
  }

  boolean matches(ApiRequest request) {
    return match.test(request);
  }

  /** Whether this fault hits the request: it matches, the dice agree, and hits remain. */
  boolean hit(ApiRequest request) {
    return matches(request) && roll() && takeOne();
  }

  /** Counts one hit if any remain, whatever the request; for watches already open. */
  boolean takeOne() {
    while (true) {
      int left = remaining.get();
      if (left == 0) {
        return false;
      }
      if (left == UNLIMITED || remaining.compareAndSet(left, left - 1)) {
        hits.incrementAndGet();
        return true;
      }
    }
  }

  private boolean roll() {
    if (random == null) {
      return true;
    }
    synchronized (random) {
      return random.nextDouble() < probability;
    }
  }

  @Override
  public String toString() {
    return action + " on " + match;
  }
}
