package io.primehub.phdeploy.testkit.sim.deployment;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The status Kubernetes' deployment controller writes: the replica counts, and the conditions
 * {@code Available}, {@code Progressing} (with its progress deadline) and {@code ReplicaFailure},
 * their times kept while they do not change.
 */
final class DeploymentStatuses {

  static final String AVAILABLE = "Available";
  static final String PROGRESSING = "Progressing";
  static final String REPLICA_FAILURE = "ReplicaFailure";
  private static final long DEFAULT_DEADLINE_SECONDS = 600;

  private DeploymentStatuses() {}

  static DeploymentStatus of(Deployment deployment, RolloutFacts facts, Instant now) {
    DeploymentStatus previous =
        Objects.requireNonNullElseGet(deployment.getStatus(), DeploymentStatus::new);
    boolean counted = previous.getReplicas() != null;
    boolean progressed = !counted
        || !Objects.equals(previous.getUpdatedReplicas(), facts.updated())
        || !Objects.equals(previous.getReadyReplicas(), facts.ready())
        || !Objects.equals(previous.getAvailableReplicas(), facts.available());
    List<DeploymentCondition> conditions = new ArrayList<>();
    conditions.add(available(previous, facts, now));
    conditions.add(progressing(deployment, previous, facts, progressed, now));
    if (facts.creationFailure() != null) {
      conditions.add(condition(previous, REPLICA_FAILURE, "True", "FailedCreate",
          facts.creationFailure(), false, now));
    }
    return new DeploymentStatusBuilder()
        .withObservedGeneration(deployment.getMetadata().getGeneration())
        .withReplicas(facts.pods())
        .withUpdatedReplicas(facts.updated())
        .withReadyReplicas(facts.ready())
        .withAvailableReplicas(facts.available())
        .withUnavailableReplicas(
            Math.max(Math.max(facts.replicas(), facts.pods()) - facts.available(), 0))
        .withConditions(conditions)
        .build();
  }

  /** When the Deployment's progress deadline passes, if it is progressing and it can. */
  static Optional<Instant> deadline(Deployment deployment, DeploymentStatus status) {
    return find(status, PROGRESSING)
        .filter(c -> "True".equals(c.getStatus()))
        .filter(c -> !"NewReplicaSetAvailable".equals(c.getReason()))
        .map(c -> Instant.parse(c.getLastUpdateTime()).plus(deadlineOf(deployment)));
  }

  private static DeploymentCondition available(
      DeploymentStatus previous, RolloutFacts facts, Instant now) {
    boolean enough = facts.available() >= facts.replicas() - facts.strategy().maxUnavailable();
    return enough
        ? condition(previous, AVAILABLE, "True", "MinimumReplicasAvailable",
            "Deployment has minimum availability.", false, now)
        : condition(previous, AVAILABLE, "False", "MinimumReplicasUnavailable",
            "Deployment does not have minimum availability.", false, now);
  }

  private static DeploymentCondition progressing(
      Deployment deployment, DeploymentStatus previous, RolloutFacts facts, boolean progressed,
      Instant now) {
    String quotedName = "\"" + facts.replicaSetName() + "\"";
    String replicaSet = "ReplicaSet " + quotedName;
    if (facts.complete()) {
      return condition(previous, PROGRESSING, "True", "NewReplicaSetAvailable",
          replicaSet + " has successfully progressed.", false, now);
    }
    Optional<DeploymentCondition> before = find(previous, PROGRESSING)
        .filter(c -> c.getMessage().contains(quotedName));
    if (before.isEmpty()) {
      return condition(previous, PROGRESSING, "True", "NewReplicaSetCreated",
          "Created new replica set " + quotedName, true, now);
    }
    if (progressed) {
      return condition(previous, PROGRESSING, "True", "ReplicaSetUpdated",
          replicaSet + " is progressing.", true, now);
    }
    Instant deadline =
        Instant.parse(before.get().getLastUpdateTime()).plus(deadlineOf(deployment));
    boolean timedOut = "ProgressDeadlineExceeded".equals(before.get().getReason())
        || !now.isBefore(deadline);
    return timedOut
        ? condition(previous, PROGRESSING, "False", "ProgressDeadlineExceeded",
            replicaSet + " has timed out progressing.", false, now)
        : before.get();
  }

  /**
   * A condition, its transition time kept while its status stays, its update time kept while
   * its status, reason and message stay, unless {@code touched} says it was updated anyway.
   */
  private static DeploymentCondition condition(
      DeploymentStatus previous, String type, String status, String reason, String message,
      boolean touched, Instant now) {
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    Optional<DeploymentCondition> before = find(previous, type);
    String transition = before.filter(c -> status.equals(c.getStatus()))
        .map(DeploymentCondition::getLastTransitionTime).orElse(time);
    String update = before.filter(c -> !touched && status.equals(c.getStatus())
            && reason.equals(c.getReason()) && message.equals(c.getMessage()))
        .map(DeploymentCondition::getLastUpdateTime).orElse(time);
    return new DeploymentConditionBuilder()
        .withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastTransitionTime(transition).withLastUpdateTime(update)
        .build();
  }

  private static Optional<DeploymentCondition> find(DeploymentStatus status, String type) {
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static Duration deadlineOf(Deployment deployment) {
    Integer seconds = deployment.getSpec().getProgressDeadlineSeconds();
    return Duration.ofSeconds(seconds == null ? DEFAULT_DEADLINE_SECONDS : seconds);
  }
}
