package io.primehub.phdeploy.testkit.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.primehub.phdeploy.core.seldon.SeldonMessage;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

  private final Model echo = request -> request;
  private final Model constant = request -> SeldonMessage.ofStrData("spam");

  @Test
  void servesTheLastModelRegisteredForAnImageUntilItIsRemoved() {
    ModelRegistry models = new ModelRegistry().serve("spam:1", echo).serve("spam:1", constant);

    assertThat(models.forImage("spam:1")).containsSame(constant);
    assertThat(models.forImage("spam")).isEmpty();

    models.remove("spam:1");

    assertThat(models.forImage("spam:1")).isEmpty();
  }
}
