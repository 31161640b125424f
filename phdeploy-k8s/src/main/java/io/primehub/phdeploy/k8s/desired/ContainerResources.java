package io.primehub.phdeploy.k8s.desired;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.primehub.phdeploy.core.quota.Quantities;
import io.primehub.phdeploy.core.quota.Resources;
import java.util.LinkedHashMap;
import java.util.Map;

/** A container's share of a pod as Kubernetes writes it: {@code cpu}, {@code memory}, GPUs. */
final class ContainerResources {

  /** The extended resource NVIDIA's device plugin offers GPUs as. */
  static final String GPU = "nvidia.com/gpu";

  private ContainerResources() {}

  /** Limits and requests; a zero amount is left out, as the instance type leaves it unset. */
  static ResourceRequirements of(Resources limits, Resources requests) {
    return new ResourceRequirementsBuilder()
        .withLimits(quantities(limits))
        .withRequests(quantities(requests))
        .build();
  }

  private static Map<String, Quantity> quantities(Resources amount) {
    Map<String, Quantity> quantities = new LinkedHashMap<>();
    if (amount.cpuMillis() > 0) {
      quantities.put("cpu", new Quantity(Quantities.formatCpu(amount.cpuMillis())));
    }
    if (amount.memoryBytes() > 0) {
      quantities.put("memory", new Quantity(Quantities.formatMemory(amount.memoryBytes())));
    }
    if (amount.gpu() > 0) {
      quantities.put(GPU, new Quantity(Long.toString(amount.gpu())));
    }
    return quantities;
  }
}
