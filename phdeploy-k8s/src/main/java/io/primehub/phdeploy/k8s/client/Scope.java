package io.primehub.phdeploy.k8s.client;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.k8s.resource.PhDeploymentList;
import java.util.Objects;
import java.util.Optional;

/** Where the client works: a Kubernetes client and the namespace its deployments live in. */
record Scope(KubernetesClient client, String namespace) {

  Scope {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(namespace, "namespace");
  }

  /** The deployments of the namespace. */
  NonNamespaceOperation<PhDeployment, PhDeploymentList, Resource<PhDeployment>> deployments() {
    return client.resources(PhDeployment.class, PhDeploymentList.class).inNamespace(namespace);
  }

  /** One deployment of the namespace, which need not exist. */
  Resource<PhDeployment> deployment(String name) {
    return deployments().withName(Objects.requireNonNull(name, "name"));
  }

  /** The deployment as the server holds it now. */
  Optional<PhDeployment> get(String name) {
    return Optional.ofNullable(deployment(name).get());
  }

  /**
   * The deployment as the server holds it now.
   *
   * @throws PhDeploymentNotFoundException if there is none
   */
  PhDeployment require(String name) {
    return get(name).orElseThrow(() -> new PhDeploymentNotFoundException(namespace, name));
  }

  /** {@code namespace/name}, as log lines and messages name a deployment. */
  String key(String name) {
    return namespace + "/" + name;
  }

  /** The status of a deployment, empty rather than null before the controller first writes it. */
  static PhDeploymentStatus statusOf(PhDeployment deployment) {
    PhDeploymentStatus status = deployment.getStatus();
    return status == null ? PhDeploymentStatus.builder().build() : status;
  }
}
