package io.primehub.phdeploy.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TombstonesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HUB_SECRETS = "/api/v1/namespaces/hub/secrets";

  private final Tombstones tombstones = new Tombstones();

  @Test
  void aWatchFromBeforeADeletionIsToldOfItWithTheDeletionsVersion() throws Exception {
    deleteSecret("hub", "deploy-web", 12);

    List<String> missed = tombstones.missedBy(watch(HUB_SECRETS, 11));

    assertThat(missed).hasSize(1);
    JsonNode event = JSON.readTree(missed.get(0));
    assertThat(event.path("type").asText()).isEqualTo("DELETED");
    assertThat(event.at("/object/metadata/name").asText()).isEqualTo("deploy-web");
    assertThat(event.at("/object/metadata/resourceVersion").asText()).isEqualTo("12");
    assertThat(event.at("/object/data/auth").asText()).isEqualTo("eA==");
    assertThat(tombstones.missedBy(watch("/api/v1/secrets", 11))).hasSize(1);
    assertThat(tombstones.missedBy(
            watch(HUB_SECRETS + "?fieldSelector=metadata.name%3Ddeploy-web", 11)))
        .hasSize(1);
  }

  @Test
  void aWatchMissesNothingFromTheDeletionOnNorOfOtherObjects() {
    deleteSecret("hub", "deploy-web", 12);

    assertThat(tombstones.missedBy(watch(HUB_SECRETS, 12))).isEmpty();
    assertThat(tombstones.missedBy(watch("/api/v1/namespaces/other/secrets", 11))).isEmpty();
    assertThat(tombstones.missedBy(watch("/api/v1/namespaces/hub/configmaps", 11))).isEmpty();
    assertThat(tombstones.missedBy(
            watch(HUB_SECRETS + "?fieldSelector=metadata.name%3Dother", 11)))
        .isEmpty();
    assertThat(tombstones.refusal(watch(HUB_SECRETS, 11))).isEmpty();
  }

  @Test
  void aWatchFromNowMissesNothing() {
    deleteSecret("hub", "deploy-web", 12);

    assertThat(tombstones.missedBy(ApiRequest.of("GET", HUB_SECRETS + "?watch=true", null)))
        .isEmpty();
    assertThat(tombstones.missedBy(watch(HUB_SECRETS, 0))).isEmpty();
  }

  @Test
  void aWatchFromBeforeTheDeletionsRememberedIsRefused() {
    // Versions 10 to 10 + CAPACITY: the deletion at version 10 is forgotten.
    for (int version = 10; version <= 10 + Tombstones.CAPACITY; version++) {
      deleteSecret("elsewhere", "s" + version, version);
    }

    assertThat(tombstones.refusal(watch(HUB_SECRETS, 9)))
        .hasValue("too old resource version: 9 (10)");
    assertThat(tombstones.refusal(watch(HUB_SECRETS, 10))).isEmpty();
    assertThat(tombstones.refusal(watch(HUB_SECRETS, 0))).isEmpty();
  }

  private void deleteSecret(String namespace, String name, long resourceVersion) {
    ObjectNode finalState = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Secret");
    finalState.putObject("metadata")
        .put("name", name).put("namespace", namespace).put("resourceVersion", "3");
    finalState.putObject("data").put("auth", "eA==");
    tombstones.deleted(new StoredObject("", "v1", "Secret", "secrets", namespace, name,
        "uid-" + name, 3, List.of()), finalState, resourceVersion);
  }

  private static ApiRequest watch(String path, long resourceVersion) {
    String separator = path.contains("?") ? "&" : "?";
    return ApiRequest.of("GET",
        path + separator + "watch=true&resourceVersion=" + resourceVersion, null);
  }
}
