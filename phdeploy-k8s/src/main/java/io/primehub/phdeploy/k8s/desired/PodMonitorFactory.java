package io.primehub.phdeploy.k8s.desired;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus operator {@code PodMonitor} that scrapes the engine's metrics of a deployment's
 * pods. It is a generic resource, because phdeploy does not depend on the operator's model.
 */
final class PodMonitorFactory {

  /** The PodMonitor's API version. */
  static final String API_VERSION = "monitoring.coreos.com/v1";

  /** The PodMonitor's kind. */
  static final String KIND = "PodMonitor";

  private PodMonitorFactory() {}

  /** The PodMonitor of a deployment. */
  static GenericKubernetesResource build(PhDeployment deployment) {
    Map<String, Object> selector = new LinkedHashMap<>();
    selector.put("matchLabels", new LinkedHashMap<>(PodLabels.selector(deployment.name())));
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("port", SeldonPorts.ENGINE_HTTP_NAME);
    endpoint.put("path", SeldonPorts.METRICS_PATH);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("selector", selector);
    spec.put("podMetricsEndpoints", new ArrayList<>(List.of(endpoint)));
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(API_VERSION)
        .withKind(KIND)
        .withMetadata(OwnedMetadata.of(deployment))
        .addToAdditionalProperties("spec", spec)
        .build();
  }
}
