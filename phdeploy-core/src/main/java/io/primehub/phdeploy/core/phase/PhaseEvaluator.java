package io.primehub.phdeploy.core.phase;

import io.primehub.phdeploy.core.model.Failure;
import io.primehub.phdeploy.core.model.Phase;
import java.util.Optional;

/**
 * Decides a deployment's phase, failure reason, message and replica counts from an {@link
 * Observation}. The phase always follows what is observed: nothing is remembered between
 * evaluations, so a failed deployment that becomes healthy is Deployed again. The first rule
 * that applies decides:
 *
 * <ol>
 *   <li>A <b>configuration failure</b> (invalid spec, group not found or not enabled, instance
 *       type not found or not allowed, user not in the group): Failed with it, and 0 replicas,
 *       so that the controller releases what runs.
 *   <li>A <b>catalog outage</b>: the previous phase stands (Deploying if there is none), with
 *       the previous reason if it is Failed, and a message that the catalog is unreachable,
 *       running resources are left untouched and the controller retries.
 *   <li>A <b>stop</b>: Stopping while any pod is left, then Stopped; stopping wins over quota
 *       and pod problems, which it ends.
 *   <li>A <b>quota pre-check failure</b>: Failed with it ({@code GroupQuotaExceeded}).
 *   <li>A <b>complete rollout</b> (the Deployment has taken up its spec and runs exactly the
 *       desired replicas, all updated and available; with 0 desired, no pod is left): Deployed,
 *       whatever failed before.
 *   <li>A <b>problem</b>, the most specific first: the Deployment's {@code ReplicaFailure} saying
 *       an admission webhook "denied the request" or a ResourceQuota "exceeded quota" ({@code
 *       GroupQuotaExceeded}), then pods with an invalid image ({@code ImageInvalid}), an image
 *       that cannot be pulled ({@code ImagePullFailed}), a failed storage initializer ({@code
 *       ModelStorageInitFailed}), a crashing container ({@code ContainerCrashing}), no node with
 *       room ({@code ClusterResourceInsufficient}).
 *   <li>A <b>timeout</b>: deploying since the deadline ({@code deployingSince + deployTimeout})
 *       or longer, or Kubernetes reporting that the Deployment exceeded its progress deadline:
 *       Failed with {@code DeployTimeout}.
 *   <li>Otherwise <b>Deploying</b>, with the progress of the rollout, to be evaluated again at
 *       the deadline.
 * </ol>
 *
 * The replicas are those of the predictor, or 0 when stopped; the available replicas are the
 * Deployment's, or 0 before it exists.
 */
public final class PhaseEvaluator {

  private PhaseEvaluator() {}

  /** The phase, reason, message and replica counts that the observation calls for. */
  public static Evaluation evaluate(Observation observation) {
    ImmutableEvaluation.Builder evaluation = Evaluation.builder()
        .replicas(observation.stopRequested() ? 0 : observation.desiredReplicas())
        .availableReplicas(Rollout.availableReplicas(observation));
    if (observation.configurationFailure() != null) {
      return failed(evaluation.replicas(0), observation.configurationFailure());
    }
    if (observation.catalogOutage() != null) {
      return evaluation
          .phase(CatalogOutage.phase(observation))
          .reason(CatalogOutage.reason(observation))
          .message(CatalogOutage.message(observation))
          .build();
    }
    if (observation.stopRequested()) {
      return observation.podsPresent() > 0
          ? evaluation.phase(Phase.STOPPING)
              .message("Stopping: " + Words.count(observation.podsPresent(), "pod") + " left.")
              .build()
          : evaluation.phase(Phase.STOPPED)
              .message("Stopped: no replica runs. Start the deployment to serve again.")
              .build();
    }
    if (observation.quotaFailure() != null) {
      return failed(evaluation, observation.quotaFailure());
    }
    if (Rollout.complete(observation)) {
      return evaluation.phase(Phase.DEPLOYED)
          .message("Deployed: " + Rollout.available(observation) + ".")
          .build();
    }
    Optional<Failure> problem = Problems.failure(observation);
    if (problem.isPresent()) {
      return failed(evaluation, problem.get());
    }
    if (DeployTimeout.expired(observation) || Rollout.stalled(observation)) {
      return failed(evaluation, DeployTimeout.failure(observation));
    }
    return evaluation.phase(Phase.DEPLOYING)
        .message(Words.sentence("Deploying: " + Rollout.progress(observation)))
        .recheckAt(DeployTimeout.deadline(observation))
        .build();
  }

  private static Evaluation failed(ImmutableEvaluation.Builder evaluation, Failure failure) {
    return evaluation.phase(Phase.FAILED)
        .reason(failure.reason())
        .message(failure.message())
        .build();
  }
}
