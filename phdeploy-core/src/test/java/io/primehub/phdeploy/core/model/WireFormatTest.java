package io.primehub.phdeploy.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The wire contract: the seed's resource and status read and write back without loss. */
class WireFormatTest {

  private static final ObjectMapper YAML = new YAMLMapper();

  private static final String SEED_STATUS = """
      phase: Deploying
      message: "Deploying"
      replicas: 2
      availableReplicas: 2
      endpoint: https://primehub.local/deployment/user-defined-postfix/predict
      history:
        - time: 2020-03-23T02:03:15Z
          spec:
            displayName: "spam classifier"
            groupName: "phusers"
            stop: false
            predictors:
              - name: predictor1
                replicas: 2
                modelImage: sandhya1594/spam-classifier:1.0.0.1
                instanceType: cpu-only
        - time: 2020-03-22T23:45:23Z
          spec:
            displayName: "spam classifier"
            groupName: "phusers"
            stop: false
            predictors:
              - name: predictor1
                replicas: 1
                modelImage: sandhya1594/spam-classifier:1.0.0.0
                instanceType: cpu-only
      """;

  @Test
  void theSeedSpecReadsAndWritesBackExactly() throws IOException {
    JsonNode original = fixture("fixtures/spam-classifier.yaml").get("spec");

    PhDeploymentSpec spec = WireJson.mapper().treeToValue(original, PhDeploymentSpec.class);
    JsonNode written = WireJson.mapper().valueToTree(spec);

    assertThat(written).isEqualTo(original);
    assertThat(spec.description())
        .isEqualTo("This is my first deployment.\n".repeat(3));
    assertThat(spec.stop()).isFalse();
    assertThat(spec.predictor().replicas()).isEqualTo(2);
    assertThat(spec.predictor().metadata())
        .containsEntry("LEARNING_RATE", "0.02")
        .containsEntry("MINI_BATCH", "20")
        .containsEntry("ACCURACY", "0.98");
  }

  @Test
  void theSeedStatusWithHistoryReadsAndWritesBackExactly() throws IOException {
    JsonNode original = YAML.readTree(SEED_STATUS);

    PhDeploymentStatus status =
        WireJson.mapper().treeToValue(original, PhDeploymentStatus.class);
    JsonNode written = WireJson.mapper().valueToTree(status);

    assertThat(written).isEqualTo(original);
    assertThat(status.phase()).isEqualTo(Phase.DEPLOYING);
    assertThat(status.message()).isEqualTo("Deploying");
    assertThat(status.replicas()).isEqualTo(2);
    assertThat(status.availableReplicas()).isEqualTo(2);
    assertThat(status.endpoint())
        .isEqualTo("https://primehub.local/deployment/user-defined-postfix/predict");
    assertThat(status.history())
        .extracting(HistoryRecord::instant)
        .containsExactly(
            Instant.parse("2020-03-23T02:03:15Z"), Instant.parse("2020-03-22T23:45:23Z"));
    assertThat(status.history())
        .extracting(record -> record.spec().predictor().modelImage())
        .containsExactly(
            "sandhya1594/spam-classifier:1.0.0.1", "sandhya1594/spam-classifier:1.0.0.0");
  }

  @Test
  void aHistoryRecordWritesTheTimeKubernetesWrites() {
    HistoryRecord record =
        HistoryRecord.of(Instant.parse("2020-03-23T02:03:15.987Z"), minimalSpec());

    JsonNode written = WireJson.mapper().valueToTree(record);

    assertThat(written.get("time").asText()).isEqualTo("2020-03-23T02:03:15Z");
  }

  @Test
  void theSeedsLowercasePhaseReads() throws IOException {
    PhDeploymentStatus status =
        WireJson.mapper().readValue("{\"phase\":\"deploying\"}", PhDeploymentStatus.class);

    assertThat(status.phase()).isEqualTo(Phase.DEPLOYING);
    assertThat(WireJson.mapper().valueToTree(status).get("phase").asText())
        .isEqualTo("Deploying");
  }

  @Test
  void absentFieldsReadAsTheirExplicitDefaults() throws IOException {
    PhDeploymentSpec spec = WireJson.mapper().readValue("""
        {"displayName": "d", "groupName": "g",
         "predictors": [{"name": "p", "modelImage": "i", "instanceType": "t"}]}
        """, PhDeploymentSpec.class);

    assertThat(spec.stop()).isFalse();
    assertThat(spec.predictor().replicas()).isEqualTo(Predictor.DEFAULT_REPLICAS).isEqualTo(1);
    assertThat(spec.endpoint()).isNull();
    assertThat(spec.accessType()).isEqualTo(AccessType.PUBLIC);
  }

  @Test
  void defaultsAreWrittenSoThatTheStoredObjectSaysWhatRuns() {
    JsonNode written = WireJson.mapper().valueToTree(minimalSpec());

    assertThat(written.get("stop").isBoolean()).isTrue();
    assertThat(written.get("stop").booleanValue()).isFalse();
    assertThat(written.at("/predictors/0/replicas").intValue()).isEqualTo(1);
  }

  private static PhDeploymentSpec minimalSpec() {
    return PhDeploymentSpec.builder()
        .displayName("d")
        .groupName("g")
        .addPredictors(Predictor.builder().name("p").modelImage("i").instanceType("t").build())
        .build();
  }

  private static JsonNode fixture(String path) throws IOException {
    try (InputStream in = WireFormatTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as("test resource %s", path).isNotNull();
      return YAML.readTree(in);
    }
  }
}
