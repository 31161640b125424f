package io.primehub.phdeploy.core.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The standard {@code Ready} condition of a deployment: {@code True} while it is Deployed. Its
 * {@code lastTransitionTime} changes only when its status flips, which makes it the record of
 * when a deployment stopped being ready.
 */
public final class ReadyCondition {

  /** The condition type. */
  public static final String TYPE = "Ready";

  private ReadyCondition() {}

  /** The Ready condition among {@code conditions}, if there is one. */
  public static @Nullable Condition find(List<Condition> conditions) {
    return conditions.stream().filter(c -> TYPE.equals(c.getType())).findFirst().orElse(null);
  }

  /** The Ready condition of a status, if it has one. */
  public static @Nullable Condition find(@Nullable PhDeploymentStatus status) {
    return status == null ? null : find(status.conditions());
  }

  /**
   * The Ready condition for a phase, keeping the previous transition time when the status does
   * not flip.
   */
  public static Condition next(
      @Nullable Condition previous,
      Phase phase,
      String reason,
      String message,
      long observedGeneration,
      Instant now) {
    String status = phase == Phase.DEPLOYED ? "True" : "False";
    String transition = previous != null && status.equals(previous.getStatus())
        && previous.getLastTransitionTime() != null
        ? previous.getLastTransitionTime()
        : format(now);
    return new ConditionBuilder()
        .withType(TYPE)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(observedGeneration)
        .withLastTransitionTime(transition)
        .build();
  }

  /** When a condition last flipped, if it says. */
  public static @Nullable Instant transitionTime(@Nullable Condition condition) {
    if (condition == null || condition.getLastTransitionTime() == null) {
      return null;
    }
    return Instant.parse(condition.getLastTransitionTime());
  }

  static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
