package io.primehub.phdeploy.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that name one object find exactly that object, whatever else is stored and whatever
 * writes run at the same time.
 */
class NamedLookupTest {

  private final ApiServer server = ApiServer.start(Clock.systemUTC());
  private final KubernetesClient client = new KubernetesClientBuilder()
      .withConfig(new ConfigBuilder().withMasterUrl(server.masterUrl()).build())
      .build();

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void findsAnObjectByItsKindNamespaceAndName() {
    createConfigMap("a", "same", "in a");
    createConfigMap("b", "same", "in b");
    client.secrets().inNamespace("a").resource(new SecretBuilder()
        .withNewMetadata().withName("same").endMetadata()
        .addToStringData("k", "v").build()).create();

    assertThat(configMap("a", "same").getData()).containsEntry("v", "in a");
    assertThat(configMap("b", "same").getData()).containsEntry("v", "in b");
    assertThat(client.secrets().inNamespace("a").withName("same").get()).isNotNull();
    assertThat(configMap("c", "same")).isNull();
    assertThat(configMap("a", "other")).isNull();
    assertThat(client.secrets().inNamespace("b").withName("same").get()).isNull();
  }

  @Test
  void refusesToCreateATakenNameOrToReplaceAStaleVersion() {
    ConfigMap first = createConfigMap("a", "taken", "first");

    assertThatThrownBy(() -> createConfigMap("a", "taken", "again"))
        .isInstanceOfSatisfying(KubernetesClientException.class,
            refusal -> assertThat(refusal.getCode()).isEqualTo(409));
    client.configMaps().inNamespace("a").resource(new ConfigMapBuilder(first)
        .addToData("v", "second").build()).update();
    assertThatThrownBy(() -> client.configMaps().inNamespace("a").resource(
        new ConfigMapBuilder(first).addToData("v", "stale").build()).update())
        .isInstanceOfSatisfying(KubernetesClientException.class,
            refusal -> assertThat(refusal.getCode()).isEqualTo(409));
    assertThat(configMap("a", "taken").getData()).containsEntry("v", "second");
  }

  @Test
  void findsAnObjectByNameAndByLabelAfterItsStatusAndLabelsChange() {
    client.pods().inNamespace("a").resource(new PodBuilder()
        .withNewMetadata().withName("web").addToLabels("app", "old").endMetadata()
        .withNewSpec().addNewContainer().withName("c").withImage("i").endContainer().endSpec()
        .build()).create();

    pod("web").subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"status\":{\"phase\":\"Running\"}}");
    pod("web").edit(pod -> new PodBuilder(pod).editMetadata()
        .addToLabels("app", "new").endMetadata().build());

    Pod found = pod("web").get();
    assertThat(found.getStatus().getPhase()).isEqualTo("Running");
    assertThat(found.getMetadata().getLabels()).containsEntry("app", "new");
    assertThat(client.pods().inNamespace("a").withLabel("app", "new").list().getItems())
        .extracting(pod -> pod.getMetadata().getName()).containsExactly("web");
    assertThat(client.pods().inNamespace("a").withLabel("app", "old").list().getItems())
        .isEmpty();
  }

  @Test
  void forgetsADeletedObjectAndLetsItsNameBeTakenAgain() {
    ConfigMap first = createConfigMap("a", "gone", "first");

    assertThat(client.configMaps().inNamespace("a").withName("gone").delete()).hasSize(1);
    assertThat(configMap("a", "gone")).isNull();
    assertThat(client.configMaps().inNamespace("a").withName("gone").delete()).isEmpty();

    ConfigMap second = createConfigMap("a", "gone", "second");
    assertThat(second.getMetadata().getUid()).isNotEqualTo(first.getMetadata().getUid());
    assertThat(configMap("a", "gone").getData()).containsEntry("v", "second");
  }

  @Test
  void marksAnObjectWithFinalizersForDeletionOnceAndForgetsItWhenTheyAreGone() {
    client.configMaps().inNamespace("a").resource(new ConfigMapBuilder()
        .withNewMetadata().withName("held").addToFinalizers("example.com/hold").endMetadata()
        .build()).create();

    client.configMaps().inNamespace("a").withName("held").delete();
    ConfigMap marked = configMap("a", "held");
    assertThat(marked.getMetadata().getDeletionTimestamp()).isNotNull();
    client.configMaps().inNamespace("a").withName("held").delete();
    assertThat(configMap("a", "held").getMetadata().getResourceVersion())
        .as("a second deletion changes nothing")
        .isEqualTo(marked.getMetadata().getResourceVersion());

    client.configMaps().inNamespace("a").withName("held").edit(map -> new ConfigMapBuilder(map)
        .editMetadata().withFinalizers(List.of()).endMetadata().build());
    assertThat(configMap("a", "held")).isNull();
    createConfigMap("a", "held", "anew");
    assertThat(configMap("a", "held").getData()).containsEntry("v", "anew");
  }

  @Test
  void neverMissesAnObjectWhileItIsRewritten() {
    createConfigMap("a", "busy", "0");
    int rewrites = 100;
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> IntStream
        .rangeClosed(1, rewrites)
        .forEach(i -> client.configMaps().inNamespace("a").withName("busy").edit(
            map -> new ConfigMapBuilder(map).addToData("v", Integer.toString(i)).build())));

    long lastSeen = -1;
    while (!writer.isDone()) {
      ConfigMap seen = configMap("a", "busy");
      assertThat(seen).as("the object while it is rewritten").isNotNull();
      long value = Long.parseLong(seen.getData().get("v"));
      assertThat(value).as("never an older state than one already seen").isGreaterThanOrEqualTo(
          lastSeen);
      lastSeen = value;
    }
    writer.join();
    assertThat(configMap("a", "busy").getData()).containsEntry("v", Integer.toString(rewrites));
  }

  @Test
  void findsEveryObjectAmongAThousand() {
    List<Integer> numbers = IntStream.range(0, 1_000).boxed().toList();
    numbers.parallelStream().forEach(i -> createConfigMap("many", "map-" + i, "value " + i));

    numbers.parallelStream().forEach(i -> assertThat(configMap("many", "map-" + i).getData())
        .containsEntry("v", "value " + i));
    assertThat(client.configMaps().inNamespace("many").list().getItems()).hasSize(1_000);
  }

  private ConfigMap createConfigMap(String namespace, String name, String value) {
    return client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder()
        .withNewMetadata().withName(name).endMetadata()
        .addToData("v", value).build()).create();
  }

  private ConfigMap configMap(String namespace, String name) {
    return client.configMaps().inNamespace(namespace).withName(name).get();
  }

  private PodResource pod(String name) {
    return client.pods().inNamespace("a").withName(name);
  }
}
