package io.primehub.phdeploy.core.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.InstanceType;
import io.primehub.phdeploy.core.catalog.ResourceQuantities;
import io.primehub.phdeploy.core.quota.Quantities;
import io.primehub.phdeploy.core.quota.Resources;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PodSizingTest {

  private static final Resources ENGINE_SLICE =
      new Resources(100, Quantities.bytes("256Mi"), 0);

  static Stream<InstanceType> instanceTypes() throws IOException {
    Catalog catalog;
    try (InputStream yaml = PodSizingTest.class.getResourceAsStream("/fixtures/catalog.yaml")) {
      catalog = new YAMLMapper().readValue(yaml, Catalog.class);
    }
    return Stream.concat(
        catalog.instanceTypes().stream(),
        Stream.of(
            type("tiny", ResourceQuantities.of("100m", "128Mi", null), null),
            type("tiny-requests", ResourceQuantities.of("100m", "128Mi", null),
                ResourceQuantities.of("10m", "64Mi", null)),
            type("odd", ResourceQuantities.of("7m", "1001", null),
                ResourceQuantities.of("5m", "999", null)),
            type("memory-only", ResourceQuantities.of(null, "1Gi", null), null)));
  }

  @ParameterizedTest
  @MethodSource("instanceTypes")
  void modelAndEngineTogetherAreExactlyTheInstanceType(InstanceType type) {
    PodSizing sizing = PodSizing.split(type, ENGINE_SLICE);

    assertThat(sizing.modelLimits().plus(sizing.engineLimits()))
        .isEqualTo(sizing.podLimits())
        .isEqualTo(type.limits().toResources());
    assertThat(sizing.modelRequests().plus(sizing.engineRequests()))
        .isEqualTo(sizing.podRequests())
        .isEqualTo(type.effectiveRequests().toResources());
  }

  @ParameterizedTest
  @MethodSource("instanceTypes")
  void everyContainerRequestsNoMoreThanItsLimitAndNothingNegative(InstanceType type) {
    PodSizing sizing = PodSizing.split(type, ENGINE_SLICE);

    assertFitsLimit(sizing.modelRequests(), sizing.modelLimits(), type);
    assertFitsLimit(sizing.engineRequests(), sizing.engineLimits(), type);
    assertFitsLimit(sizing.initRequests(), sizing.initLimits(), type);
    assertThat(Resources.ZERO.fitsWithin(sizing.modelRequests())).isTrue();
    assertThat(Resources.ZERO.fitsWithin(sizing.engineRequests())).isTrue();
  }

  @ParameterizedTest
  @MethodSource("instanceTypes")
  void theInitContainerNeverEnlargesThePod(InstanceType type) {
    PodSizing sizing = PodSizing.split(type, ENGINE_SLICE);

    assertThat(sizing.initLimits().fitsWithin(sizing.modelLimits())).isTrue();
    assertThat(sizing.initRequests().fitsWithin(sizing.modelRequests())).isTrue();
    assertThat(sizing.initLimits().gpu()).isZero();
  }

  @Test
  void cpuOnlyGivesTheEngineItsWholeSlice() throws IOException {
    PodSizing sizing = PodSizing.split(fixture("cpu-only"), ENGINE_SLICE);

    assertThat(sizing.engineLimits()).isEqualTo(ENGINE_SLICE);
    assertThat(sizing.engineRequests()).isEqualTo(ENGINE_SLICE);
    assertThat(sizing.modelLimits()).isEqualTo(resources("900m", "1792Mi", 0));
    assertThat(sizing.modelRequests()).isEqualTo(resources("400m", "768Mi", 0));
    assertThat(sizing.initLimits()).isEqualTo(resources("900m", "1Gi", 0));
    assertThat(sizing.initRequests()).isEqualTo(resources("100m", "100Mi", 0));
  }

  @Test
  void gpuOneGivesEveryGpuToTheModel() throws IOException {
    PodSizing sizing = PodSizing.split(fixture("gpu-1"), new Resources(100, 256L << 20, 1));

    assertThat(sizing.engineLimits()).isEqualTo(ENGINE_SLICE);
    assertThat(sizing.modelLimits()).isEqualTo(resources("3900m", "16128Mi", 1));
    assertThat(sizing.modelRequests()).isEqualTo(sizing.modelLimits());
  }

  @Test
  void aTinyTypeLeavesTheEngineAQuarter() {
    InstanceType tiny = type("tiny", ResourceQuantities.of("100m", "128Mi", null), null);

    PodSizing sizing = PodSizing.split(tiny, ENGINE_SLICE);

    assertThat(sizing.engineLimits()).isEqualTo(resources("25m", "32Mi", 0));
    assertThat(sizing.modelLimits()).isEqualTo(resources("75m", "96Mi", 0));
  }

  @Test
  void aNegativeSliceIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PodSizing.split(fixture("cpu-only"), new Resources(-1, 0, 0)))
        .withMessageContaining("negative");
  }

  private static void assertFitsLimit(Resources requests, Resources limits, InstanceType type) {
    assertThat(requests.fitsWithin(limits))
        .as("%s: requests %s within limits %s", type.name(), requests, limits)
        .isTrue();
  }

  private static InstanceType fixture(String name) throws IOException {
    return instanceTypes().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private static Resources resources(String cpu, String memory, long gpu) {
    return new Resources(Quantities.cpuMillis(cpu), Quantities.bytes(memory), gpu);
  }

  private static InstanceType type(
      String name, ResourceQuantities limits, ResourceQuantities requests) {
    return InstanceType.builder().name(name).limits(limits).requests(requests).global(true).build();
  }
}
