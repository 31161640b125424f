package io.primehub.phdeploy.k8s.desired;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.k8s.resource.PhDeployment;

/** The ClusterIP Service in front of a deployment's pods: the engine's REST and gRPC ports. */
final class ServiceFactory {

  /** The Service's REST port name. */
  static final String HTTP = "http";

  /** The Service's gRPC port name. */
  static final String GRPC = "grpc";

  private ServiceFactory() {}

  /** The Service of a deployment. */
  static Service build(PhDeployment deployment) {
    return new ServiceBuilder()
        .withMetadata(OwnedMetadata.of(deployment))
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(PodLabels.selector(deployment.name()))
        .withPorts(
            port(HTTP, SeldonPorts.ENGINE_HTTP),
            port(GRPC, SeldonPorts.ENGINE_GRPC))
        .endSpec()
        .build();
  }

  private static ServicePort port(String name, int number) {
    return new ServicePortBuilder()
        .withName(name)
        .withPort(number)
        .withTargetPort(new IntOrString(number))
        .build();
  }
}
