package io.primehub.phdeploy.k8s.client;

import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import java.util.Objects;

/**
 * A deployment moved to another phase, as {@link PhDeployments#watchPhases} reports it.
 *
 * @param name the deployment's name
 * @param previous the phase seen before, or null for the first phase seen
 * @param phase the phase now
 * @param reason why it failed, when {@code phase} is {@link Phase#FAILED}; otherwise null
 * @param message the controller's message for people, or null
 * @param status the whole status that reported the change
 */
public record PhaseChange(String name, @Nullable Phase previous, Phase phase,
    @Nullable FailureReason reason, @Nullable String message, PhDeploymentStatus status) {

  /** A change; the name, the new phase and the status are required. */
  public PhaseChange {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(status, "status");
  }
}
