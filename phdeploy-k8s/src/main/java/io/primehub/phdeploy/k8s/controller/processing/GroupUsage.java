package io.primehub.phdeploy.k8s.controller.processing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.core.quota.PodResources;
import io.primehub.phdeploy.core.quota.ResourceKind;
import io.primehub.phdeploy.core.quota.Resources;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A group's usage as its quota counts it: the limits of its pods that still run, read from the
 * pods themselves, so that pods the controller did not create (notebooks, jobs) count too.
 */
public final class GroupUsage {

  private static final Logger LOG = LoggerFactory.getLogger(GroupUsage.class);
  private static final Map<ResourceKind, String> LIMIT_NAMES = Map.of(
      ResourceKind.CPU, "cpu", ResourceKind.MEMORY, "memory", ResourceKind.GPU, "nvidia.com/gpu");

  private GroupUsage() {}

  /** Whether a pod counts against its group: it has not finished. */
  public static boolean counts(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return !"Succeeded".equals(phase) && !"Failed".equals(phase);
  }

  /** The usage of a group's pods other than those of the deployment {@code exceptDeployment}. */
  public static Resources usedByOthers(List<Pod> groupPods, String exceptDeployment) {
    return groupPods.stream()
        .filter(GroupUsage::counts)
        .filter(pod -> !exceptDeployment.equals(labels(pod).get(PodLabels.DEPLOYMENT)))
        .map(GroupUsage::limitsOf)
        .reduce(Resources.ZERO, Resources::plus);
  }

  /** What one pod counts: its containers' limits, as Kubernetes adds them up. */
  public static Resources limitsOf(Pod pod) {
    return PodResources.effective(
        pod.getSpec().getContainers().stream().map(GroupUsage::limitsOf).toList(),
        pod.getSpec().getInitContainers().stream().map(GroupUsage::limitsOf).toList());
  }

  private static Resources limitsOf(Container container) {
    Map<String, Quantity> limits =
        container.getResources() == null ? null : container.getResources().getLimits();
    if (limits == null) {
      return Resources.ZERO;
    }
    return Resources.from(kind -> {
      Quantity quantity = limits.get(LIMIT_NAMES.get(kind));
      if (quantity == null) {
        return 0;
      }
      try {
        return kind.parse(quantity.getAmount() + quantity.getFormat());
      } catch (IllegalArgumentException e) {
        LOG.warn("Ignoring the {} limit of container {}: {}", kind.wireName(),
            container.getName(), e.getMessage());
        return 0;
      }
    });
  }

  private static Map<String, String> labels(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }
}
