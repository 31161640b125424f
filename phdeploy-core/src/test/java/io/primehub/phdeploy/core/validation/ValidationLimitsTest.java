package io.primehub.phdeploy.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValidationLimitsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    ValidationLimits limits = ValidationLimits.defaults();

    assertThat(limits.maxReplicas()).isEqualTo(20);
    assertThat(limits.maxPredictors()).isEqualTo(1);
    assertThat(limits.maxSpecBytes()).isEqualTo(16384);
    assertThat(limits.maxDisplayNameLength()).isEqualTo(64);
    assertThat(limits.maxDescriptionLength()).isEqualTo(2048);
    assertThat(limits.maxUpdateMessageLength()).isEqualTo(1024);
    assertThat(limits.maxMetadataEntries()).isEqualTo(32);
    assertThat(limits.maxMetadataValueLength()).isEqualTo(512);
    assertThat(limits.maxEnvVars()).isEqualTo(64);
    assertThat(limits.maxClients()).isEqualTo(32);
  }

  @Test
  void thirtyTwoHistoryRecordsOfTheLargestSpecFitAKubernetesObject() {
    assertThat(32L * ValidationLimits.defaults().maxSpecBytes())
        .isLessThanOrEqualTo(1024 * 1024 / 2);
  }

  @Test
  void refusesLimitsNoSpecCouldMeet() {
    assertThatThrownBy(() -> ValidationLimits.builder().maxReplicas(-1).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("negative");
    assertThatThrownBy(() -> ValidationLimits.builder().maxPredictors(0).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxPredictors");
  }
}
