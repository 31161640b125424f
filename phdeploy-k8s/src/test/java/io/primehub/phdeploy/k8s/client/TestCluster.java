package io.primehub.phdeploy.k8s.client;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import io.primehub.phdeploy.k8s.resource.PhDeploymentList;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

/**
 * The mock API server as the tests see it: the fixture deployment, direct reads of what the
 * server holds, and status writes through the status subresource, as the controller makes them.
 */
final class TestCluster {

  static final String NAMESPACE = "hub";
  static final String NAME = "spam-classifier-abcxy";
  private static final String FIXTURE = "/fixtures/spam-classifier.yaml";

  private final KubernetesClient client;

  TestCluster(KubernetesClient client) {
    this.client = client;
    PhDeploymentCrd.installIfAbsent(client);
  }

  /** The spec of {@code fixtures/spam-classifier.yaml}. */
  PhDeploymentSpec fixtureSpec() {
    try (InputStream yaml = TestCluster.class.getResourceAsStream(FIXTURE)) {
      return deployments().load(yaml).item().getSpec();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates the fixture deployment directly, as another tool would. */
  PhDeployment createFixture() {
    return deployments().resource(PhDeployment.of(NAMESPACE, NAME, fixtureSpec())).create();
  }

  /** The deployment as the server holds it now, or null. */
  PhDeployment stored(String name) {
    return deployment(name).get();
  }

  /** The spec the server holds now. */
  ImmutablePhDeploymentSpec storedSpec(String name) {
    return ImmutablePhDeploymentSpec.copyOf(stored(name).getSpec());
  }

  /** Changes the spec directly, as a concurrent writer would; the generation goes up. */
  void changeSpec(String name, UnaryOperator<ImmutablePhDeploymentSpec> change) {
    deployment(name).edit(d -> {
      d.setSpec(change.apply(ImmutablePhDeploymentSpec.copyOf(d.getSpec())));
      return d;
    });
  }

  /** Writes a status through the status subresource, as the controller does. */
  PhDeploymentStatus writeStatus(String name, PhDeploymentStatus status) {
    PhDeployment current = stored(name);
    current.setStatus(status);
    return deployments().resource(current).updateStatus().getStatus();
  }

  /** A status of a phase for a generation, with replica counts. */
  static PhDeploymentStatus status(Phase phase, long observedGeneration, int replicas,
      int availableReplicas, String message) {
    return PhDeploymentStatus.builder()
        .phase(phase)
        .observedGeneration(observedGeneration)
        .replicas(replicas)
        .availableReplicas(availableReplicas)
        .message(message)
        .build();
  }

  long generation(String name) {
    return stored(name).getMetadata().getGeneration();
  }

  private NonNamespaceOperation<PhDeployment, PhDeploymentList, Resource<PhDeployment>>
      deployments() {
    return client.resources(PhDeployment.class, PhDeploymentList.class).inNamespace(NAMESPACE);
  }

  private Resource<PhDeployment> deployment(String name) {
    return deployments().withName(name);
  }
}
