package io.primehub.phdeploy.testkit.reliability;

import io.primehub.phdeploy.testkit.server.Faults;
import io.primehub.phdeploy.testkit.server.InjectedFault;
import io.primehub.phdeploy.testkit.server.Verb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A fifth of one client's writes (creates, updates, patches, deletes) fail: 13 in a hundred
 * answer 500, 6 answer 409, and 1 is served but answered too late for the client, which gives
 * up on a write that did take effect.
 */
final class WriteFaults {

  static final double ERROR_RATE = 0.13;
  static final double CONFLICT_RATE = 0.06;
  // Each timeout holds a worker for as long as the client waits, so they are the rarest.
  static final double TIMEOUT_RATE = 0.01;

  private final List<InjectedFault> errors = new ArrayList<>();
  private final List<InjectedFault> conflicts = new ArrayList<>();
  private final List<InjectedFault> timeouts = new ArrayList<>();

  /**
   * Injects the faults into the writes sent with this user agent.
   *
   * @param lateBy how late a timed-out write is answered: longer than the client waits
   */
  WriteFaults(Faults faults, String userAgent, Random random, Duration lateBy) {
    // Faults are tried in order and the first that hits decides, so each one's probability is
    // of the writes the ones before it spared.
    double conflictGivenNoError = CONFLICT_RATE / (1 - ERROR_RATE);
    double timeoutGivenNeither = TIMEOUT_RATE / (1 - ERROR_RATE - CONFLICT_RATE);
    for (Verb verb : Verb.values()) {
      if (verb.writes()) {
        errors.add(faults.on(verb, null).fromUserAgent(userAgent)
            .withProbability(ERROR_RATE, random).respond(500));
        conflicts.add(faults.on(verb, null).fromUserAgent(userAgent)
            .withProbability(conflictGivenNoError, random).respond(409));
        timeouts.add(faults.on(verb, null).fromUserAgent(userAgent)
            .withProbability(timeoutGivenNeither, random).delay(lateBy));
      }
    }
  }

  /** The share of writes that fail. */
  static double rate() {
    return ERROR_RATE + CONFLICT_RATE + TIMEOUT_RATE;
  }

  int errors() {
    return hits(errors);
  }

  int conflicts() {
    return hits(conflicts);
  }

  int timeouts() {
    return hits(timeouts);
  }

  int total() {
    return errors() + conflicts() + timeouts();
  }

  private static int hits(List<InjectedFault> faults) {
    return faults.stream().mapToInt(InjectedFault::hits).sum();
  }
}
