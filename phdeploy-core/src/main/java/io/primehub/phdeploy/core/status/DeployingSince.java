package io.primehub.phdeploy.core.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.primehub.phdeploy.core.Nullable;
import java.time.Instant;

/**
 * When the current attempt to deploy began, which the deploy timeout counts from: the last
 * spec change (created, updated, started), or the moment a deployment that was ready stopped
 * being ready (a replica died), whichever is later. Derived from the status alone, so a
 * restarted controller counts from the same instant.
 */
public final class DeployingSince {

  private DeployingSince() {}

  /**
   * The start of the current attempt.
   *
   * @param lastSpecChange when the newest history record was made (the spec being deployed)
   * @param ready the previous Ready condition, if any
   */
  public static Instant of(Instant lastSpecChange, @Nullable Condition ready) {
    Instant notReadySince = ready != null && "False".equals(ready.getStatus())
        ? ReadyCondition.transitionTime(ready)
        : null;
    return notReadySince != null && notReadySince.isAfter(lastSpecChange)
        ? notReadySince
        : lastSpecChange;
  }
}
