package io.primehub.phdeploy.testkit.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PredictionPathTest {

  @Test
  void recognisesOnlyTheSeldonPredictionPathOfADeployment() {
    assertThat(PredictionPath.deploymentOf("/deployment/spam-x7k2p/api/v1.0/predictions"))
        .hasValue("spam-x7k2p");
    assertThat(PredictionPath.deploymentOf("/deployment/spam/api/v1.0/predictions/")).isEmpty();
    assertThat(PredictionPath.deploymentOf("/deployment/spam/api/v0.1/predictions")).isEmpty();
    assertThat(PredictionPath.deploymentOf("/deployment//api/v1.0/predictions")).isEmpty();
    assertThat(PredictionPath.deploymentOf("/deployment/spam")).isEmpty();
    assertThat(PredictionPath.deploymentOf("/api/v1.0/predictions")).isEmpty();
  }
}
