package io.primehub.phdeploy.core.naming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointPathsTest {

  @Test
  void theEndpointIsTheBaseTheDeploymentsPrefixAndSeldonsPredictionsPath() {
    assertThat(EndpointPaths.predictionUrl("https://hub.example", "spam-classifier-abcxy"))
        .isEqualTo("https://hub.example/deployment/spam-classifier-abcxy/api/v1.0/predictions");
    assertThat(EndpointPaths.predictionUrl("https://hub.example/", "spam"))
        .as("a trailing slash of the base is ignored")
        .isEqualTo("https://hub.example/deployment/spam/api/v1.0/predictions");
  }

  @Test
  void theIngressRoutesThePrefixAndCapturesTheRest() {
    assertThat(EndpointPaths.prefix("spam")).isEqualTo("/deployment/spam/");
    assertThat(EndpointPaths.ingressPathPattern("spam")).isEqualTo("/deployment/spam/(.+)");
  }

  @Test
  void ownedResourcesAreNamedDeployDashTheName() {
    assertThat(OwnedNames.of("spam-classifier-abcxy")).isEqualTo("deploy-spam-classifier-abcxy");
    assertThat(OwnedNames.MAX_DEPLOYMENT_NAME_LENGTH).isEqualTo(56);
  }
}
