package io.primehub.phdeploy.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryClusterTest {

  @Test
  void startsWithTheCrdTheNodesAndTheFixtureCatalogAndCleansUpOnClose() throws Exception {
    Path kubeconfig;
    try (InMemoryCluster cluster = InMemoryCluster.builder().fixtureCatalog().start()) {
      KubernetesClient client = cluster.client();
      assertThat(client.apiextensions().v1().customResourceDefinitions()
          .withName(PhDeploymentCrd.NAME).get()).isNotNull();
      assertThat(client.nodes().list().getItems())
          .extracting(node -> node.getMetadata().getName())
          .containsExactly("cpu-node-1", "gpu-node-1");
      assertThat(cluster.catalog().catalog().group("phusers")).isPresent();
      kubeconfig = cluster.kubeconfig();
      assertThat(kubeconfig).exists();
    }
    assertThat(kubeconfig).doesNotExist();
    assertThat(kubeconfig.getParent()).doesNotExist();
  }

  @Test
  void aClientBuiltFromTheKubeconfigFileSeesTheSameCluster() throws Exception {
    try (InMemoryCluster cluster = InMemoryCluster.start()) {
      cluster.client().configMaps().inNamespace("hub")
          .resource(new ConfigMapBuilder().withNewMetadata().withName("settings").endMetadata()
              .addToData("answer", "42").build())
          .create();

      Config fromFile = Config.fromKubeconfig(cluster.kubeconfig().toFile());
      try (KubernetesClient other = new KubernetesClientBuilder().withConfig(fromFile).build()) {
        assertThat(other.getMasterUrl().toString()).isEqualTo(cluster.masterUrl());
        assertThat(other.configMaps().inNamespace("hub").withName("settings").get().getData())
            .containsEntry("answer", "42");
      }
    }
  }

  @Test
  void startsAndClosesFastEnoughForOneClusterPerTest() {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long start = System.nanoTime();
      InMemoryCluster.start().close();
      millis.add((System.nanoTime() - start) / 1_000_000);
    }
    List<Long> sorted = millis.stream().sorted().toList();
    long median = sorted.get(sorted.size() / 2);
    System.out.println(
        "InMemoryCluster start+close over 20 runs: median " + median + " ms, all " + millis);
    assertThat(median).isLessThan(1500);
  }
}
