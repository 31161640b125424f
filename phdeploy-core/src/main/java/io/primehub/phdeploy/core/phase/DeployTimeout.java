package io.primehub.phdeploy.core.phase;

import io.primehub.phdeploy.core.model.Failure;
import io.primehub.phdeploy.core.model.FailureReason;
import java.time.Duration;
import java.time.Instant;

/** The limit on how long a rollout may take, and the failure when it takes longer. */
final class DeployTimeout {

  private DeployTimeout() {}

  /** When the current rollout runs out of time. */
  static Instant deadline(Observation observation) {
    return observation.deployingSince().plus(observation.deployTimeout());
  }

  /** Whether the rollout is out of time; the deadline itself is already too late. */
  static boolean expired(Observation observation) {
    return !observation.now().isBefore(deadline(observation));
  }

  /** The failure of a rollout that is out of time, or that Kubernetes reports stalled. */
  static Failure failure(Observation observation) {
    String elapsed =
        Words.duration(Duration.between(observation.deployingSince(), observation.now()));
    String cause = expired(observation)
        ? "Deploying for " + elapsed + ", which reaches the deploy timeout of "
            + Words.duration(observation.deployTimeout())
        : "Kubernetes reports that the rollout stopped progressing (ProgressDeadlineExceeded)"
            + " after deploying for " + elapsed;
    return new Failure(
        FailureReason.DEPLOY_TIMEOUT,
        Words.sentence(cause + ": " + Rollout.progress(observation))
            + " Read the replica logs of container"
            + " \"model\" for a model server that does not start or never gets ready, and the"
            + " events of the deployment's pods (label primehub.io/phdeployment) for what"
            + " Kubernetes reports about them.");
  }
}
