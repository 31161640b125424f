package io.primehub.phdeploy.core.status;

import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.phase.Evaluation;
import java.time.Instant;

/**
 * Composes the status the controller writes from an evaluation. History is not part of it: the
 * controller adds records separately, and only when the spec changed.
 */
public final class StatusComposer {

  private StatusComposer() {}

  /**
   * The next status, without history.
   *
   * @param previous the status as the controller last saw it, or {@code null}
   * @param evaluation the phase evaluator's decision
   * @param endpoint the prediction URL, or {@code null} while the deployment is not routed
   * @param generation the {@code metadata.generation} the decision is about
   * @param now the controller's clock
   */
  public static PhDeploymentStatus compose(
      @Nullable PhDeploymentStatus previous,
      Evaluation evaluation,
      @Nullable String endpoint,
      long generation,
      Instant now) {
    FailureReason reason = evaluation.reason();
    String conditionReason = reason != null ? reason.wireName() : evaluation.phase().wireName();
    return PhDeploymentStatus.builder()
        .phase(evaluation.phase())
        .reason(reason)
        .message(evaluation.message())
        .replicas(evaluation.replicas())
        .availableReplicas(evaluation.availableReplicas())
        .endpoint(endpoint)
        .observedGeneration(generation)
        .addConditions(ReadyCondition.next(
            ReadyCondition.find(previous),
            evaluation.phase(),
            conditionReason,
            evaluation.message(),
            generation,
            now))
        .build();
  }
}
