package io.primehub.phdeploy.testkit.sim.deployment;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.primehub.phdeploy.core.Nullable;

/**
 * A Deployment's strategy, resolved for its replicas: {@code Recreate}, or a rolling update that
 * may run {@code maxSurge} pods beyond the replicas and have {@code maxUnavailable} of them
 * unavailable. Percentages count as Kubernetes counts them: the surge rounded up, the
 * unavailability down, and never both zero.
 *
 * @param recreate whether every old pod goes before a new one starts
 * @param maxSurge how many pods beyond the replicas a rollout may run
 * @param maxUnavailable how many of the replicas may be unavailable during a rollout
 */
record RolloutStrategy(boolean recreate, int maxSurge, int maxUnavailable) {

  private static final String DEFAULT_PERCENT = "25%";

  static RolloutStrategy of(Deployment deployment, int replicas) {
    DeploymentStrategy strategy = deployment.getSpec().getStrategy();
    if (strategy != null && "Recreate".equals(strategy.getType())) {
      return new RolloutStrategy(true, 0, replicas);
    }
    RollingUpdateDeployment rolling = strategy == null ? null : strategy.getRollingUpdate();
    IntOrString surgeValue = rolling == null ? null : rolling.getMaxSurge();
    IntOrString unavailableValue = rolling == null ? null : rolling.getMaxUnavailable();
    int surge = resolve(surgeValue, replicas, true);
    int unavailable = resolve(unavailableValue, replicas, false);
    return new RolloutStrategy(false, surge, surge == 0 && unavailable == 0 ? 1 : unavailable);
  }

  private static int resolve(@Nullable IntOrString value, int replicas, boolean roundUp) {
    if (value != null && value.getIntVal() != null) {
      return value.getIntVal();
    }
    String text = value == null || value.getStrVal() == null ? DEFAULT_PERCENT : value.getStrVal();
    int percent = Integer.parseInt(text.replace("%", "").trim());
    return roundUp
        ? (int) Math.ceil(replicas * percent / 100.0)
        : (int) Math.floor(replicas * percent / 100.0);
  }
}
