package io.primehub.phdeploy.testkit.sim.runtime;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.primehub.phdeploy.core.quota.ResourceKind;
import io.primehub.phdeploy.core.quota.Resources;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The CPU, memory and GPUs ({@code nvidia.com/gpu}) a pod's containers ask for, in the exact units
 * of phdeploy-core's {@link Resources}.
 */
public final class PodAmounts {

  /** The resource name of GPUs in a container's requests and limits. */
  public static final String GPU = "nvidia.com/gpu";

  private PodAmounts() {}

  /** The sum of the limits of the pod's containers, as a quota admission webhook counts them. */
  public static Resources limits(Pod pod) {
    return sum(pod.getSpec().getContainers(), PodAmounts::limitsOf);
  }

  /**
   * What the scheduler reserves for the pod: the larger, resource by resource, of the sum of its
   * containers' requests and each init container's, a request defaulting to the limit as the API
   * server defaults it.
   */
  public static Resources requests(Pod pod) {
    Resources containers = sum(pod.getSpec().getContainers(), PodAmounts::requestsOf);
    Resources largestInit = pod.getSpec().getInitContainers().stream()
        .map(PodAmounts::requestsOf)
        .reduce(Resources.ZERO, PodAmounts::max);
    return max(containers, largestInit);
  }

  /** Whether a pod no longer holds resources: it finished, or is being deleted. */
  public static boolean terminated(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase)
        || pod.getMetadata().getDeletionTimestamp() != null;
  }

  private static Resources limitsOf(Container container) {
    return amounts(limitMap(container));
  }

  private static Resources requestsOf(Container container) {
    Map<String, Quantity> limits = limitMap(container);
    Map<String, Quantity> requests = container.getResources() == null
        ? Map.of()
        : Objects.requireNonNullElse(container.getResources().getRequests(), Map.of());
    return Resources.from(
        kind -> amount(kind, requests.getOrDefault(name(kind), limits.get(name(kind)))));
  }

  private static Map<String, Quantity> limitMap(Container container) {
    ResourceRequirements resources = container.getResources();
    return resources == null
        ? Map.of()
        : Objects.requireNonNullElse(resources.getLimits(), Map.of());
  }

  private static Resources amounts(Map<String, Quantity> quantities) {
    return Resources.from(kind -> amount(kind, quantities.get(name(kind))));
  }

  private static long amount(ResourceKind kind, Quantity quantity) {
    return quantity == null ? 0 : kind.parse(quantity.toString());
  }

  private static String name(ResourceKind kind) {
    return kind == ResourceKind.GPU ? GPU : kind.wireName();
  }

  private static Resources sum(
      List<Container> containers, Function<Container, Resources> amount) {
    return containers.stream().map(amount).reduce(Resources.ZERO, Resources::plus);
  }

  private static Resources max(Resources a, Resources b) {
    return Resources.from(kind -> Math.max(kind.amountIn(a), kind.amountIn(b)));
  }
}
