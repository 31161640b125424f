package io.primehub.phdeploy.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ShortfallTest {

  private static final long GI = 1L << 30;

  @Test
  void readsInKubernetesUnits() {
    Shortfall cpu = new Shortfall("cpu", 3000, 6500, 8000);

    assertThat(cpu.shortBy()).isEqualTo(1500);
    assertThat(cpu).hasToString("cpu: requests 3, 6500m of 8 in use, short by 1500m");
  }

  @Test
  void readsMemoryInBinaryUnits() {
    Shortfall memory = new Shortfall("memory", 4 * GI, 14 * GI, 16 * GI);

    assertThat(memory.shortBy()).isEqualTo(2 * GI);
    assertThat(memory).hasToString("memory: requests 4Gi, 14Gi of 16Gi in use, short by 2Gi");
  }

  @Test
  void readsGpusAsACount() {
    assertThat(new Shortfall("gpu", 1, 0, 0))
        .hasToString("gpu: requests 1, 0 of 0 in use, short by 1");
  }

  @Test
  void acceptsOnlyTheResourcesAQuotaLimits() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Shortfall("storage", 2, 0, 1))
        .withMessage("unknown resource 'storage'; expected cpu, memory or gpu");
  }

  @Test
  void isNoShortfallWhenTheRequestFits() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Shortfall("cpu", 1500, 6500, 8000))
        .withMessageContaining("no shortfall");
  }
}
