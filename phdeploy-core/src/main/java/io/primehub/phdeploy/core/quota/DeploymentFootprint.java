package io.primehub.phdeploy.core.quota;

import io.primehub.phdeploy.core.catalog.InstanceType;

/** What a whole deployment counts against its group's quota at its peak. */
public final class DeploymentFootprint {

  private DeploymentFootprint() {}

  /**
   * The resources a deployment needs at the peak of a rolling update: the limits of its
   * replicas plus its surge pods. Pass a surge of zero when no rollout is under way.
   *
   * <p>As Kubernetes' deployment controller does, the surge is capped by the replicas: a new
   * replica set never grows past the replicas, so the old and new sets together hold at most
   * twice that, and a deployment scaled to zero runs no pod at all.
   *
   * @param type the instance type of every pod
   * @param replicas the desired replicas, zero or more
   * @param maxSurge how many pods beyond the replicas a rollout may start, zero or more
   * @throws IllegalArgumentException if a count is negative or the instance type's limits are
   *     malformed
   */
  public static Resources required(InstanceType type, int replicas, int maxSurge) {
    if (replicas < 0 || maxSurge < 0) {
      throw new IllegalArgumentException(
          "replicas and maxSurge must not be negative, got " + replicas + " and " + maxSurge);
    }
    return PodResources.limitsOf(type).times(peakPods(replicas, maxSurge));
  }

  private static int peakPods(int replicas, int maxSurge) {
    return Math.addExact(replicas, Math.min(replicas, maxSurge));
  }
}
