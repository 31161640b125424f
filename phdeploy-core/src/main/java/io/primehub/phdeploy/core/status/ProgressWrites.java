package io.primehub.phdeploy.core.status;

import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides when a changed status is worth a write. A change people and tools act on (the phase,
 * the failure reason, the generation observed, the endpoint, the replicas asked for) is written
 * at once. A change of progress alone (the message, the available replicas) in a phase whose
 * message churns (Deploying, Stopping, Failed, where pods come, go and restart) is written at
 * most once per interval, so that a rollout costs the API server its phase changes rather than
 * a write per pod that becomes ready; the last progress is never lost, only late. In Deployed
 * and Stopped a changed message is news (a catalog outage begins or ends) and is written at once.
 */
public final class ProgressWrites {

  private static final Set<Phase> PACED_PHASES =
      EnumSet.of(Phase.DEPLOYING, Phase.STOPPING, Phase.FAILED);

  private ProgressWrites() {}

  /**
   * When to write {@code next}: now, or not before an instant.
   *
   * @param stored the status as stored, or {@code null}
   * @param next the status to write, equal to {@code stored} or not
   * @param lastWrite when this deployment's status was last written by this controller, or
   *     {@code null} if it has not been (for example since it started)
   * @return empty to write now; an instant to write at instead
   */
  public static Optional<Instant> deferUntil(
      @Nullable PhDeploymentStatus stored,
      PhDeploymentStatus next,
      @Nullable Instant lastWrite,
      Instant now,
      Duration interval) {
    if (stored == null || lastWrite == null || mattersAtOnce(stored, next)) {
      return Optional.empty();
    }
    Instant due = lastWrite.plus(interval);
    return now.isBefore(due) ? Optional.of(due) : Optional.empty();
  }

  private static boolean mattersAtOnce(PhDeploymentStatus stored, PhDeploymentStatus next) {
    return !PACED_PHASES.contains(next.phase())
        || stored.phase() != next.phase()
        || stored.reason() != next.reason()
        || !Objects.equals(stored.observedGeneration(), next.observedGeneration())
        || !Objects.equals(stored.endpoint(), next.endpoint())
        || !Objects.equals(stored.replicas(), next.replicas());
  }
}
