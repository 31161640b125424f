package io.primehub.phdeploy.k8s.client;

import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.ImmutablePredictor;
import io.primehub.phdeploy.core.model.Predictor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The predictor of a {@link SpecDraft} being written: what runs, on what, how many times. Like
 * the spec draft, it lives only inside its lambda and is not thread-safe.
 */
public final class PredictorDraft {

  private ImmutablePredictor predictor;

  PredictorDraft(Predictor predictor) {
    this.predictor = ImmutablePredictor.copyOf(predictor);
  }

  /** Renames the predictor; it is {@value SpecDraft#DEFAULT_PREDICTOR_NAME} unless set. */
  public PredictorDraft name(String name) {
    return set(p -> p.withName(name));
  }

  /** Sets the container image that serves the model, such as {@code registry.example/spam:1.0}. */
  public PredictorDraft modelImage(String modelImage) {
    return set(p -> p.withModelImage(modelImage));
  }

  /** Sets the instance type that sizes each pod. */
  public PredictorDraft instanceType(String instanceType) {
    return set(p -> p.withInstanceType(instanceType));
  }

  /** Sets how many pods serve the model. */
  public PredictorDraft replicas(int replicas) {
    return set(p -> p.withReplicas(replicas));
  }

  /** Sets where the model files are, when the image does not hold them; null removes it. */
  public PredictorDraft modelUri(@Nullable String modelUri) {
    return set(p -> p.withModelURI(modelUri));
  }

  /** Sets the Secret that pulls a private model image; null removes it. */
  public PredictorDraft imagePullSecret(@Nullable String imagePullSecret) {
    return set(p -> p.withImagePullSecret(imagePullSecret));
  }

  /** Records a fact about the model, such as a training metric, replacing one of the same key. */
  public PredictorDraft metadata(String key, String value) {
    Map<String, String> metadata = new LinkedHashMap<>(predictor.metadata());
    metadata.put(key, value);
    return set(p -> p.withMetadata(metadata));
  }

  Predictor build() {
    return predictor;
  }

  private PredictorDraft set(UnaryOperator<ImmutablePredictor> change) {
    predictor = change.apply(predictor);
    return this;
  }
}
