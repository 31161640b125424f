package io.primehub.phdeploy.core.quota;

import io.primehub.phdeploy.core.catalog.InstanceType;
import java.util.Optional;

/**
 * Decides whether a change to a deployment's pods must pass the group's quota first, and what it
 * must fit. Only a change that starts pods is checked: creating the Deployment, scaling it up,
 * or rolling out a new pod template (which surges). A deployment that runs unchanged is never
 * failed for quota because its group's other usage grew meanwhile.
 */
public final class QuotaPlan {

  private QuotaPlan() {}

  /**
   * What the group's quota must hold for the change, if the change starts pods.
   *
   * @param type the deployment's instance type
   * @param desiredReplicas the replicas the deployment is to run (0 when stopped)
   * @param currentReplicas the replicas its Deployment asks for now, or {@code null} when it
   *     has no Deployment yet
   * @param templateChanges whether the pod template changes, so that a rolling update surges
   * @param maxSurge the rolling update's surge, in pods
   * @return empty when nothing new would start
   */
  public static Optional<Resources> required(
      InstanceType type,
      int desiredReplicas,
      Integer currentReplicas,
      boolean templateChanges,
      int maxSurge) {
    if (desiredReplicas == 0) {
      return Optional.empty();
    }
    if (currentReplicas == null) {
      return Optional.of(DeploymentFootprint.required(type, desiredReplicas, 0));
    }
    if (templateChanges && currentReplicas > 0) {
      return Optional.of(DeploymentFootprint.required(type, desiredReplicas, maxSurge));
    }
    if (desiredReplicas > currentReplicas || templateChanges) {
      return Optional.of(DeploymentFootprint.required(type, desiredReplicas, 0));
    }
    return Optional.empty();
  }
}
