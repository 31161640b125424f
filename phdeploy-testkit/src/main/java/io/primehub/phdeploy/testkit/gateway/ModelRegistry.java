package io.primehub.phdeploy.testkit.gateway;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models the gateway serves, by container image. Images are matched exactly as the pod
 * spec names them, tag or digest included. Safe to change from any thread while the gateway
 * serves: a request uses the model registered when it reaches its pod.
 */
public final class ModelRegistry {

  private final Map<String, Model> modelsByImage = new ConcurrentHashMap<>();

  /** An empty registry. */
  public ModelRegistry() {}

  /**
   * Serves {@code model} for pods running {@code image}, replacing any model registered for it.
   *
   * @return this registry
   */
  public ModelRegistry serve(String image, Model model) {
    modelsByImage.put(
        Objects.requireNonNull(image, "image"), Objects.requireNonNull(model, "model"));
    return this;
  }

  /**
   * Stops serving {@code image}: its pods then answer {@code 502}.
   *
   * @return this registry
   */
  public ModelRegistry remove(String image) {
    modelsByImage.remove(Objects.requireNonNull(image, "image"));
    return this;
  }

  /** The model registered for {@code image}, if any. */
  public Optional<Model> forImage(String image) {
    return Optional.ofNullable(modelsByImage.get(image));
  }
}
