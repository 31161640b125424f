package io.primehub.phdeploy.k8s.controller.processing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.model.WireJson;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.util.LinkedHashMap;
import java.util.Map;

/** PhDeployments as the controller's informer receives them: generic resources. */
final class GenericObjects {

  private GenericObjects() {}

  static GenericKubernetesResource phDeployment(
      String name, Object spec, PhDeploymentStatus status) {
    GenericKubernetesResource resource = new GenericKubernetesResource();
    resource.setApiVersion(PhDeployment.API_VERSION);
    resource.setKind(PhDeployment.KIND);
    resource.setMetadata(new ObjectMetaBuilder().withNamespace("hub").withName(name)
        .withUid("uid-" + name).withGeneration(1L).withResourceVersion("7").build());
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spec", spec instanceof PhDeploymentSpec typed
        ? WireJson.mapper().convertValue(typed, Map.class) : spec);
    if (status != null) {
      properties.put("status", WireJson.mapper().convertValue(status, Map.class));
    }
    resource.setAdditionalProperties(properties);
    return resource;
  }
}
