package io.primehub.phdeploy.core.phase;

import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.Failure;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/**
 * Everything {@link PhaseEvaluator} decides from: what the spec asks for, what the rest of core
 * already decided about it (configuration and quota), and what the controller observed in the
 * cluster, at one instant.
 */
@Value.Immutable
public interface Observation {

  /** Whether the spec asks to stop ({@code spec.stop}); {@code false} unless set. */
  @Value.Default
  default boolean stopRequested() {
    return false;
  }

  /** The predictor's replicas, as the spec asks, whether stopped or not. */
  int desiredReplicas();

  /** The predictor's model image, named in messages about it. */
  String modelImage();

  /** The predictor's instance type, named in messages about it. */
  String instanceType();

  /**
   * Why the spec cannot run whatever the cluster does (invalid spec, unknown or disabled group,
   * instance type not found or not allowed, user not in the group); null when it can.
   */
  @Nullable
  Failure configurationFailure();

  /** Why the catalog of groups and instance types cannot be read; null when it can. */
  @Nullable
  String catalogOutage();

  /** The phase of the current status, kept through a catalog outage; null when there is none. */
  @Nullable
  Phase previousPhase();

  /** The reason of the current status, kept through a catalog outage. */
  @Nullable
  FailureReason previousReason();

  /** The message of the current status, repeated through a catalog outage. */
  @Nullable
  String previousMessage();

  /** The shortfall the quota pre-check found; null when the pods fit the group's quota. */
  @Nullable
  Failure quotaFailure();

  /** The owned Deployment; null before it exists. */
  @Nullable
  WorkloadFacts workload();

  /** What is wrong with the deployment's pods, as {@link PodDiagnosis} found it. */
  List<PodProblem> podProblems();

  /** How many pods of the deployment still exist, in any state; 0 unless set. */
  @Value.Default
  default int podsPresent() {
    return 0;
  }

  /** When the current rollout began: the last spec change, or the start. */
  Instant deployingSince();

  /** The instant the observation describes. */
  Instant now();

  /** How long a rollout may take before it fails with {@code DeployTimeout}. */
  Duration deployTimeout();

  /**
   * Rejects counts and timeouts no cluster can report, so that a bug in the translation shows at
   * once rather than as a wrong phase.
   *
   * @throws IllegalStateException if a count is negative or the timeout is not positive
   */
  @Value.Check
  default void check() {
    if (desiredReplicas() < 0 || podsPresent() < 0) {
      throw new IllegalStateException(
          "desiredReplicas and podsPresent must not be negative, got "
              + desiredReplicas() + " and " + podsPresent());
    }
    if (deployTimeout().isNegative() || deployTimeout().isZero()) {
      throw new IllegalStateException("deployTimeout must be positive, got " + deployTimeout());
    }
  }

  /** A builder. */
  static ImmutableObservation.Builder builder() {
    return ImmutableObservation.builder();
  }
}
