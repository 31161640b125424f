package io.primehub.phdeploy.core.quota;

import io.primehub.phdeploy.core.catalog.InstanceType;
import java.util.List;

/** What one pod counts against its group's quota. */
public final class PodResources {

  private PodResources() {}

  /**
   * The amount one pod of an instance type counts against a group's quota: its limits, since a
   * group's usage is the sum of the limits of its running pods. An absent limit counts as zero.
   *
   * @throws IllegalArgumentException naming the instance type and the field if a limit is no
   *     quantity, is negative or is too large
   */
  public static Resources limitsOf(InstanceType type) {
    try {
      return type.limits().toResources();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "instance type '" + type.name() + "' has malformed limits." + e.getMessage()
              + "; correct it in the catalog",
          e);
    }
  }

  /**
   * The amount a running pod counts, as Kubernetes counts it: for each resource, the larger of
   * the sum over its containers and the largest of its init containers, which run one at a
   * time before the others start.
   */
  public static Resources effective(List<Resources> containers, List<Resources> initContainers) {
    Resources sum = containers.stream().reduce(Resources.ZERO, Resources::plus);
    Resources largestInit = initContainers.stream()
        .reduce(Resources.ZERO, (a, b) -> Resources.from(kind ->
            Math.max(kind.amountIn(a), kind.amountIn(b))));
    return Resources.from(kind -> Math.max(kind.amountIn(sum), kind.amountIn(largestInit)));
  }
}
