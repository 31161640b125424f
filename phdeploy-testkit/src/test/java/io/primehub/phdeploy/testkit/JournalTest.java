package io.primehub.phdeploy.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.testkit.server.RequestCounts;
import io.primehub.phdeploy.testkit.server.Verb;
import org.junit.jupiter.api.Test;

class JournalTest extends ClusterTest {

  @Test
  void countsRequestsByVerbResourceAndSender() {
    cluster.journal().reset();
    cluster.client().resource(Workloads.deployment("spam").replicas(2).build()).create();
    cluster.awaitIdle();

    RequestCounts counts = cluster.journal().snapshot();
    RequestCounts test = counts.excludingSimulators();
    assertThat(test.count(Verb.CREATE, "deployments")).isEqualTo(1);
    assertThat(test.writes()).isEqualTo(1);
    assertThat(test.total()).isEqualTo(1);
    RequestCounts simulators = counts.fromSimulators();
    assertThat(simulators.count(Verb.CREATE, "pods")).isEqualTo(2);
    assertThat(simulators.count(Verb.PATCH, "pods")).as("bindings").isEqualTo(2);
    assertThat(simulators.count(Verb.UPDATE, "pods/status")).isEqualTo(2);
    assertThat(simulators.count(Verb.UPDATE, "deployments/status")).isPositive();
    assertThat(simulators.count(Verb.UPDATE, "deployments"))
        .as("a plural alone counts no subresource").isZero();
    assertThat(counts.total()).isEqualTo(test.total() + simulators.total());
    assertThat(counts.byVerbAndResource()).containsEntry("CREATE deployments", 1L);
  }

  @Test
  void tellsClientsApartByUserAgentAndStartsAfreshOnReset() {
    KubernetesClient controller =
        cluster.newClient(config -> config.withUserAgent("my-controller"));
    controller.configMaps().inNamespace("hub").list();
    controller.configMaps().inNamespace("hub").withName("absent").get();
    cluster.client().pods().inNamespace("hub").list();

    RequestCounts mine = cluster.journal().snapshot().fromUserAgent("my-controller");
    assertThat(mine.count(Verb.LIST, "configmaps")).isEqualTo(1);
    assertThat(mine.count(Verb.GET, "configmaps")).isEqualTo(1);
    assertThat(mine.count(Verb.LIST)).isEqualTo(1);
    assertThat(mine.count(Verb.LIST, "pods")).isZero();

    cluster.journal().reset();
    assertThat(cluster.journal().snapshot().total()).isZero();
  }
}
