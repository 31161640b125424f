package io.primehub.phdeploy.core.history;

import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.ImmutablePredictor;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.Predictor;

/** Specs for history tests, differing only where a test says. */
final class Specs {

  private Specs() {}

  /** A complete spec serving this image. */
  static PhDeploymentSpec serving(String image) {
    return builder(predictor().modelImage(image)).build();
  }

  /** A complete spec serving this image, with this description. */
  static PhDeploymentSpec serving(String image, String description) {
    return builder(predictor().modelImage(image)).description(description).build();
  }

  /** A builder of a complete spec with this predictor. */
  static ImmutablePhDeploymentSpec.Builder builder(ImmutablePredictor.Builder predictor) {
    return PhDeploymentSpec.builder()
        .displayName("spam classifier")
        .groupName("phusers")
        .addPredictors(predictor.build());
  }

  /** A builder of a complete predictor. */
  static ImmutablePredictor.Builder predictor() {
    return Predictor.builder()
        .name("predictor1")
        .modelImage("registry.example/spam:1.0.0")
        .instanceType("cpu-only");
  }
}
