package io.primehub.phdeploy.mockserver.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EnableCrudMockServerTest extends MockServerTest {

  KubernetesClient client;

  @Test
  void fillsTheFieldsOfTheTestAndOfItsBaseClass() {
    assertThat(server).isNotNull();
    assertThat(client).isNotNull();
    assertThat(client.getNamespace()).isEqualTo("test");
    assertThat(client.getMasterUrl().toString()).startsWith("http://");
  }

  @Test
  void eachTestHasAServerOfItsOwn() {
    client.resource(configMap("mine")).create();

    // The other tests store config maps of other names.
    assertThat(client.configMaps().list().getItems()).extracting(c -> c.getMetadata().getName())
        .containsExactly("mine");
  }

  @Test
  void expectationsAreAnsweredFirstAndTheStoreServesTheRest() {
    server.expect().get().withPath("/api/v1/namespaces/test/configmaps/expected")
        .andReturn(200, configMap("expected")).once();
    client.resource(configMap("stored")).create();

    assertThat(client.configMaps().withName("expected").get()).isNotNull();
    assertThat(client.configMaps().withName("expected").get()).as("answered once").isNull();
    assertThat(client.configMaps().withName("stored").get()).isNotNull();
  }

  @Test
  void watchesHearOfChangesInOrder() throws Exception {
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    Watch watch = client.configMaps().watch(new Watcher<ConfigMap>() {
      @Override
      public void eventReceived(Action action, ConfigMap resource) {
        events.add(action + " " + resource.getMetadata().getName());
      }

      @Override
      public void onClose(WatcherException cause) {
        // Closed by the test.
      }
    });
    try {
      client.resource(configMap("a")).create();
      client.resource(configMap("b")).create();
      client.configMaps().withName("a").delete();

      for (String expected : List.of("ADDED a", "ADDED b", "DELETED a")) {
        assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      watch.close();
    }
  }

  private static ConfigMap configMap(String name) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata()
        .addToData("key", "value").build();
  }
}
