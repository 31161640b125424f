package io.primehub.phdeploy.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.primehub.phdeploy.core.model.AccessType;
import io.primehub.phdeploy.core.model.Endpoint;
import io.primehub.phdeploy.core.model.EndpointClient;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class SpecFingerprintTest {

  private static final EnvVar A = new EnvVar("A", "1", null);
  private static final EnvVar B = new EnvVar("B", "2", null);

  /** Specs that differ in one way each, and some that differ only as equals() ignores. */
  private static final Map<String, PhDeploymentSpec> SPECS = Map.ofEntries(
      Map.entry("base", Specs.builder(Specs.predictor()).build()),
      Map.entry("base again", Specs.builder(Specs.predictor()).build()),
      Map.entry("other image", Specs.serving("spam:2")),
      Map.entry("three replicas", Specs.builder(Specs.predictor().replicas(3)).build()),
      Map.entry("explicit one replica", Specs.builder(Specs.predictor().replicas(1)).build()),
      Map.entry("stopped", Specs.builder(Specs.predictor()).stop(true).build()),
      Map.entry("explicitly running", Specs.builder(Specs.predictor()).stop(false).build()),
      Map.entry("metadata a, b",
          Specs.builder(Specs.predictor().putMetadata("a", "1").putMetadata("b", "2")).build()),
      Map.entry("metadata b, a",
          Specs.builder(Specs.predictor().putMetadata("b", "2").putMetadata("a", "1")).build()),
      Map.entry("metadata other value",
          Specs.builder(Specs.predictor().putMetadata("a", "1").putMetadata("b", "3")).build()),
      Map.entry("env A, B", Specs.builder(Specs.predictor()).env(List.of(A, B)).build()),
      Map.entry("env B, A", Specs.builder(Specs.predictor()).env(List.of(B, A)).build()),
      Map.entry("public endpoint",
          Specs.builder(Specs.predictor()).endpoint(Endpoint.publicEndpoint()).build()),
      Map.entry("private endpoint", Specs.builder(Specs.predictor())
          .endpoint(Endpoint.builder()
              .accessType(AccessType.PRIVATE)
              .addClients(EndpointClient.of("c", "$6$hash"))
              .build())
          .build()),
      Map.entry("described", Specs.builder(Specs.predictor()).description("d").build()));

  @Test
  void specsAreEqualExactlyWhenTheirFingerprintsAre() {
    SoftAssertions softly = new SoftAssertions();
    SPECS.forEach((a, left) -> SPECS.forEach((b, right) ->
        softly.assertThat(SpecFingerprint.of(left).equals(SpecFingerprint.of(right)))
            .as("%s vs %s", a, b)
            .isEqualTo(left.equals(right))));
    softly.assertAll();
  }

  @Test
  void theVariantsCoverBothOutcomes() {
    assertThat(SPECS.get("metadata a, b")).isEqualTo(SPECS.get("metadata b, a"));
    assertThat(SPECS.get("explicit one replica")).isEqualTo(SPECS.get("base"));
    assertThat(SPECS.get("env A, B")).isNotEqualTo(SPECS.get("env B, A"));
  }

  @Test
  void aFingerprintIsSixtyFourHexDigits() {
    assertThat(SpecFingerprint.of(Specs.serving("spam:1"))).matches("[0-9a-f]{64}");
  }

  @Test
  void anEmptyTextIsTheSameSpecAsAnAbsentOneOnTheWire() {
    PhDeploymentSpec absent = Specs.serving("spam:1");
    PhDeploymentSpec empty = Specs.serving("spam:1", "");

    assertThat(empty).isNotEqualTo(absent);
    assertThat(SpecFingerprint.of(empty)).isEqualTo(SpecFingerprint.of(absent));
  }
}
