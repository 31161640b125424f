package io.primehub.phdeploy.core.phase;

import io.primehub.phdeploy.core.Nullable;
import org.immutables.value.Value;

/**
 * What the deployment's Kubernetes Deployment reports: its generations, its {@code status}
 * counts and the conditions that matter to the phase. The counts default to zero, as Kubernetes
 * omits zero counts from a status.
 */
@Value.Immutable
public interface WorkloadFacts {

  /** {@code metadata.generation}: the version of the Deployment's spec. */
  long generation();

  /** {@code status.observedGeneration}: the spec version the counts describe. */
  long observedGeneration();

  /** {@code status.replicas}: all its pods, those of older rollouts included. */
  @Value.Default
  default int replicas() {
    return 0;
  }

  /** {@code status.updatedReplicas}: pods of the current spec. */
  @Value.Default
  default int updatedReplicas() {
    return 0;
  }

  /** {@code status.readyReplicas}. */
  @Value.Default
  default int readyReplicas() {
    return 0;
  }

  /** {@code status.availableReplicas}: pods ready for at least {@code minReadySeconds}. */
  @Value.Default
  default int availableReplicas() {
    return 0;
  }

  /**
   * The reason of condition {@code ReplicaFailure=True}, for example {@code FailedCreate};
   * null without that condition.
   */
  @Nullable
  String replicaFailureReason();

  /**
   * The message of condition {@code ReplicaFailure=True}, for example an admission webhook's
   * {@code admission webhook "resources-validation-webhook.primehub.io" denied the request: …}
   * or a ResourceQuota's {@code exceeded quota: …}; null without that condition.
   */
  @Nullable
  String replicaFailureMessage();

  /**
   * Whether condition {@code Progressing} is {@code False} with reason {@code
   * ProgressDeadlineExceeded}; {@code false} unless set.
   */
  @Value.Default
  default boolean progressDeadlineExceeded() {
    return false;
  }

  /** A builder. */
  static ImmutableWorkloadFacts.Builder builder() {
    return ImmutableWorkloadFacts.builder();
  }
}
