package io.primehub.phdeploy.k8s.client;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test against fabric8's mock API server in CRUD mode, with the CRD installed and a client of
 * the fixture's namespace. Subclasses carry {@code @EnableCrudMockServer}, whose extension fills
 * in the server and client fields declared here.
 */
abstract class MockClusterTest {

  KubernetesClient client;
  KubernetesMockServer server;
  TestCluster cluster;
  PhDeployments deployments;

  @BeforeEach
  void connect() {
    cluster = new TestCluster(client);
    deployments = PhDeployments.using(client).inNamespace(TestCluster.NAMESPACE);
  }
}
