package io.primehub.phdeploy.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.primehub.phdeploy.core.catalog.FixtureCatalog;
import io.primehub.phdeploy.core.catalog.InstanceType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentFootprintTest {

  private static final long GI = 1L << 30;
  private static final InstanceType CPU_ONLY = FixtureCatalog.instanceType("cpu-only");

  @ParameterizedTest(name = "{0} replicas with surge {1} run {2} pods at peak")
  @CsvSource({
    "2, 0, 2",
    "2, 1, 3",
    "3, 1, 4",
    // a surge beyond the replicas cannot be used: old and new replica sets hold 2 × replicas
    "2, 5, 4",
    "1, 1, 2",
    // stopped: no pod, whatever the surge
    "0, 1, 0"
  })
  void countsReplicasPlusTheSurgeThatCanRun(int replicas, int maxSurge, int peakPods) {
    assertThat(DeploymentFootprint.required(CPU_ONLY, replicas, maxSurge))
        .isEqualTo(new Resources(1000L * peakPods, 2 * GI * peakPods, 0));
  }

  @ParameterizedTest(name = "replicas {0}, surge {1}")
  @CsvSource({"-1, 0", "1, -1"})
  void rejectsNegativeCounts(int replicas, int maxSurge) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DeploymentFootprint.required(CPU_ONLY, replicas, maxSurge))
        .withMessageContaining("must not be negative");
  }
}
