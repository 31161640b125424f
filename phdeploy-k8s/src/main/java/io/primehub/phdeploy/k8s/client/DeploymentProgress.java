package io.primehub.phdeploy.k8s.client;

import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How a deployment is doing while {@link PhDeployments#awaitPhase} waits for it: reported once
 * at the start and again whenever its phase, reason, message or replica counts change.
 *
 * @param name the deployment's name
 * @param phase the phase, or null before the controller first reports one
 * @param reason why it failed, when {@code phase} is {@link Phase#FAILED}; otherwise null
 * @param message the controller's message for people, or null
 * @param replicas the replicas the deployment asks for, or null before the controller reports
 * @param availableReplicas the replicas available, or null before the controller reports
 * @param elapsed how long the wait has lasted
 */
public record DeploymentProgress(String name, @Nullable Phase phase,
    @Nullable FailureReason reason, @Nullable String message, @Nullable Integer replicas,
    @Nullable Integer availableReplicas, Duration elapsed) {

  /** Progress; the name and the elapsed time are required. */
  public DeploymentProgress {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** The progress a status shows after {@code elapsed}. */
  static DeploymentProgress of(String name, PhDeploymentStatus status, Duration elapsed) {
    return new DeploymentProgress(name, status.phase(), status.reason(), status.message(),
        status.replicas(), status.availableReplicas(), elapsed);
  }

  /** Whether the two report the same state, whenever each was seen. */
  boolean sameStateAs(@Nullable DeploymentProgress other) {
    return other != null && state().equals(other.state());
  }

  private List<Object> state() {
    return Arrays.asList(name, phase, reason, message, replicas, availableReplicas);
  }

  /** For logs, for example {@code spam-x7k2p Deploying (1/2 available, after PT12S): ...}. */
  @Override
  public String toString() {
    return name + " " + phase + " (" + availableReplicas + "/" + replicas + " available, after "
        + elapsed + ")" + (message == null ? "" : ": " + message);
  }
}
