package io.primehub.phdeploy.core.phase;

import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.Phase;

/**
 * The message while the catalog of groups and instance types cannot be read, when nothing about
 * the deployment can be decided and so the last decision stands.
 */
final class CatalogOutage {

  private static final String LEAD = "The catalog of groups and instance types cannot be read (";
  private static final String BEFORE = " Before the outage: ";

  private CatalogOutage() {}

  /** The phase that stands: the previous one, or Deploying for a deployment never decided. */
  static Phase phase(Observation observation) {
    return observation.previousPhase() == null ? Phase.DEPLOYING : observation.previousPhase();
  }

  /** The reason that stands with the phase: the previous one, when the phase is Failed. */
  static FailureReason reason(Observation observation) {
    return phase(observation) == Phase.FAILED ? observation.previousReason() : null;
  }

  /**
   * Says the catalog is unreachable, nothing is changed and the controller retries, and repeats
   * the message from before the outage. Evaluating again during the same outage gives the same
   * message, so that retries do not rewrite the status.
   */
  static String message(Observation observation) {
    String earlier = earlierMessage(observation.previousMessage());
    return LEAD + observation.catalogOutage() + "); the running resources are left untouched"
        + " and the controller will retry." + (earlier == null ? "" : BEFORE + earlier);
  }

  /** The message before the outage, taken out of an outage message that already repeats it. */
  private static String earlierMessage(String previous) {
    if (previous == null || !previous.startsWith(LEAD)) {
      return previous;
    }
    int before = previous.indexOf(BEFORE);
    return before < 0 ? null : previous.substring(before + BEFORE.length());
  }
}
