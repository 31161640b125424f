package io.primehub.phdeploy.core.phase;

import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.Failure;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.Phase;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@link PhaseEvaluator} decided: the phase, reason, message and replica counts the status
 * should show, and when to look again.
 */
@Value.Immutable
public interface Evaluation {

  /** The phase. */
  Phase phase();

  /** Why the deployment failed; present only with {@link Phase#FAILED}. */
  @Nullable
  FailureReason reason();

  /** What is happening, for people; for a failure, its cause and what to do. */
  String message();

  /** The replicas the deployment should run now: 0 when stopped or not allowed to run. */
  int replicas();

  /** The replicas the Deployment reports available; 0 before it exists. */
  int availableReplicas();

  /**
   * When the decision would change with time alone (the deploy timeout of a rollout in
   * progress), so that the controller requeues then instead of polling; null when only a change
   * in the cluster can change it.
   */
  @Nullable
  Instant recheckAt();

  /** The failure, when the deployment failed for a known reason. */
  default Optional<Failure> failure() {
    FailureReason reason = reason();
    return reason == null ? Optional.empty() : Optional.of(new Failure(reason, message()));
  }

  /**
   * Keeps a reason off any phase but {@link Phase#FAILED}, where the status would contradict
   * itself.
   *
   * @throws IllegalStateException if a reason comes with another phase
   */
  @Value.Check
  default void check() {
    if (reason() != null && phase() != Phase.FAILED) {
      throw new IllegalStateException("reason " + reason() + " given with phase " + phase());
    }
  }

  /** A builder. */
  static ImmutableEvaluation.Builder builder() {
    return ImmutableEvaluation.builder();
  }
}
