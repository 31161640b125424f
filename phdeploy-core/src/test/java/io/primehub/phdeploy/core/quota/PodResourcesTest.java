package io.primehub.phdeploy.core.quota;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.primehub.phdeploy.core.catalog.FixtureCatalog;
import io.primehub.phdeploy.core.catalog.InstanceType;
import io.primehub.phdeploy.core.catalog.ResourceQuantities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodResourcesTest {

  private static final long GI = 1L << 30;

  @Test
  void countsThePodsLimitsNotItsRequests() {
    assertThat(PodResources.limitsOf(FixtureCatalog.instanceType("cpu-only")))
        .isEqualTo(new Resources(1000, 2 * GI, 0));
    assertThat(PodResources.limitsOf(FixtureCatalog.instanceType("gpu-1")))
        .isEqualTo(new Resources(4000, 16 * GI, 1));
  }

  @Test
  void countsAnAbsentLimitAsZero() {
    InstanceType unsized = InstanceType.builder().name("unsized").global(true).build();

    assertThat(PodResources.limitsOf(unsized)).isEqualTo(Resources.ZERO);
  }

  @ParameterizedTest(name = "limits.{0} of ''{1}''")
  @CsvSource({"cpu, 1x", "memory, 2 GB", "gpu, -1"})
  void namesTheInstanceTypeAndFieldOfAMalformedLimit(String field, String text) {
    InstanceType type =
        InstanceType.builder()
            .name("broken")
            .limits(
                ResourceQuantities.of(
                    field.equals("cpu") ? text : "1",
                    field.equals("memory") ? text : "2Gi",
                    field.equals("gpu") ? text : "1"))
            .build();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> PodResources.limitsOf(type))
        .withMessageStartingWith(
            "instance type 'broken' has malformed limits." + field + ": '" + text + "'")
        .withMessageEndingWith("; correct it in the catalog");
  }

  @Test
  void aPodCountsTheLargerOfItsContainersSumAndItsLargestInitContainer() {
    Resources model = new Resources(900, 1792L << 20, 1);
    Resources engine = new Resources(100, 256L << 20, 0);
    Resources smallInit = new Resources(100, 100L << 20, 0);
    Resources bigInit = new Resources(2000, 64L << 20, 0);

    assertThat(PodResources.effective(List.of(model, engine), List.of()))
        .isEqualTo(new Resources(1000, 2048L << 20, 1));
    assertThat(PodResources.effective(List.of(model, engine), List.of(smallInit)))
        .isEqualTo(new Resources(1000, 2048L << 20, 1));
    assertThat(PodResources.effective(
        List.of(model, engine), List.of(smallInit, bigInit)))
        .isEqualTo(new Resources(2000, 2048L << 20, 1));
  }
}
