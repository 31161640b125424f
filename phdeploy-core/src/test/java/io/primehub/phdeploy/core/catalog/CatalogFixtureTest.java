package io.primehub.phdeploy.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Toleration;
import io.primehub.phdeploy.core.model.WireJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogFixtureTest {

  private final Catalog catalog = FixtureCatalog.load();

  @Test
  void readsTheGroups() {
    assertThat(catalog.groups()).extracting(Group::name).containsExactly("phusers", "sandbox");

    Group phusers = catalog.group("phusers").orElseThrow();
    assertThat(phusers.id()).isEqualTo("ca6b032e-b8be-44d2-9646-092622d6ba15");
    assertThat(phusers.modelDeploymentEnabled()).isTrue();
    assertThat(phusers.quota()).isEqualTo(ResourceQuantities.of("8", "16Gi", "0"));
    assertThat(phusers.members()).containsExactly("4d203a08-896a-4aa8-86e2-882f4d4aadec");

    Group sandbox = catalog.group("sandbox").orElseThrow();
    assertThat(sandbox.id()).isEqualTo("0d5b4a3c-1111-4c3e-9a70-5b1f1d0e9a01");
    assertThat(sandbox.modelDeploymentEnabled()).isFalse();
    assertThat(sandbox.quota().isEmpty()).isTrue();
    assertThat(sandbox.members()).as("the fixture does not say: unknown").isNull();
  }

  @Test
  void readsTheGlobalCpuOnlyType() {
    InstanceType cpuOnly = catalog.instanceType("cpu-only").orElseThrow();
    assertThat(cpuOnly.limits()).isEqualTo(ResourceQuantities.of("1", "2Gi", null));
    assertThat(cpuOnly.requests()).isEqualTo(ResourceQuantities.of("500m", "1Gi", null));
    assertThat(cpuOnly.global()).isTrue();
    assertThat(cpuOnly.groups()).isEmpty();
    assertThat(cpuOnly.nodeSelector()).isEmpty();
    assertThat(cpuOnly.tolerations()).isEmpty();
  }

  @Test
  void readsTheGpuTypeWithItsPlacement() {
    InstanceType gpu = catalog.instanceType("gpu-1").orElseThrow();
    assertThat(gpu.limits()).isEqualTo(ResourceQuantities.of("4", "16Gi", "1"));
    assertThat(gpu.requests()).isNull();
    assertThat(gpu.effectiveRequests()).isEqualTo(gpu.limits());
    assertThat(gpu.nodeSelector()).isEqualTo(Map.of("accelerator", "nvidia"));
    Toleration toleration = new Toleration();
    toleration.setKey("nvidia.com/gpu");
    toleration.setOperator("Exists");
    toleration.setEffect("NoSchedule");
    assertThat(gpu.tolerations()).containsExactly(toleration);
    assertThat(gpu.global()).isFalse();
    assertThat(gpu.groups()).containsExactly("phusers");
  }

  @Test
  void listsTheTypesEachGroupMayUse() {
    assertThat(catalog.instanceTypesAllowedFor("phusers"))
        .extracting(InstanceType::name)
        .containsExactly("cpu-only", "gpu-1");
    assertThat(catalog.instanceTypesAllowedFor("sandbox"))
        .extracting(InstanceType::name)
        .containsExactly("cpu-only");
  }

  @Test
  void writesBackAsWireJsonWithoutLoss() throws Exception {
    Catalog reread = WireJson.mapper().readValue(WireJson.bytes(catalog), Catalog.class);

    assertThat(reread).isEqualTo(catalog);
  }
}
