package io.primehub.phdeploy.testkit.sim.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageReferencesTest {

  @Test
  void acceptsWhatContainerRuntimesAccept() {
    assertThat(ImageReferences.problem("nginx")).isEmpty();
    assertThat(ImageReferences.problem("registry.example:5000/team/model:1.0.3")).isEmpty();
    assertThat(ImageReferences.problem("sandhya1594/spam-classifier:1.0.0.1")).isEmpty();
    assertThat(ImageReferences.problem("MyRegistry/model")).as("an uppercase first part is a host")
        .isEmpty();
  }

  @Test
  void refusesAsTheKubeletDoesWithItsMessage() {
    assertThat(ImageReferences.problem("MyModel")).contains(
        "Failed to apply default image tag \"MyModel\": couldn't parse image reference \"MyModel\":"
            + " invalid reference format: repository name (library/MyModel) must be lowercase");
    assertThat(ImageReferences.problem("spam model:1")).hasValueSatisfying(
        message -> assertThat(message).endsWith(": invalid reference format"));
    assertThat(ImageReferences.problem("model:")).isPresent();
  }

  @Test
  void qualifiesReferencesWithTheDefaultRegistryAndTag() {
    assertThat(ImageReferences.qualified("nginx")).isEqualTo("docker.io/library/nginx:latest");
    assertThat(ImageReferences.qualified("team/model:1")).isEqualTo("docker.io/team/model:1");
    assertThat(ImageReferences.qualified("registry.example/spam:1.0.3"))
        .isEqualTo("registry.example/spam:1.0.3");
  }
}
