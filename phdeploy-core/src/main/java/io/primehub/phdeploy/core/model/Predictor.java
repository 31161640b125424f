package io.primehub.phdeploy.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import io.fabric8.generator.annotation.Min;
import io.primehub.phdeploy.core.Nullable;
import io.fabric8.generator.annotation.Required;
import org.immutables.value.Value;

/**
 * What runs: the model image, how many replicas, on which instance type, and where the model
 * files come from. Required fields default to the empty string so that an incomplete object can
 * still be read and reported field by field by the validator.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePredictor.class)
@JsonDeserialize(as = ImmutablePredictor.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public interface Predictor {

  /** Replicas of a predictor that does not say. */
  int DEFAULT_REPLICAS = 1;

  /** The predictor's name, unique within the deployment. */
  @JsonProperty(value = "name", required = true)
  @Required
  @JsonPropertyDescription("The predictor's name, unique within the deployment.")
  @Value.Default
  default String name() {
    return "";
  }

  /** How many pods serve the model; 1 unless set. */
  @JsonProperty("replicas")
  @Min(0)
  @JsonPropertyDescription("How many pods serve the model.")
  @Value.Default
  default int replicas() {
    return DEFAULT_REPLICAS;
  }

  /** The container image of the model server, for example {@code registry.example/spam:1.0}. */
  @JsonProperty(value = "modelImage", required = true)
  @Required
  @JsonPropertyDescription("The container image that serves the model.")
  @Value.Default
  default String modelImage() {
    return "";
  }

  /** The instance type of the catalog that sizes each pod. */
  @JsonProperty(value = "instanceType", required = true)
  @Required
  @JsonPropertyDescription("The instance type that sizes each pod.")
  @Value.Default
  default String instanceType() {
    return "";
  }

  /**
   * Where the model files are, when the image does not contain them: {@code gs://},
   * {@code s3://}, {@code http(s)://}, {@code pvc://}, {@code nfs://}, {@code phfs://} or
   * {@code models:/}.
   */
  @JsonProperty("modelURI")
  @JsonPropertyDescription("Where the model files are, when the image does not contain them.")
  @Nullable
  String modelURI();

  /** The name of the Secret used to pull a private model image. */
  @JsonProperty("imagePullSecret")
  @JsonPropertyDescription("The Secret used to pull a private model image.")
  @Nullable
  String imagePullSecret();

  /** Free-form facts about the model, such as its training metrics. */
  @JsonProperty("metadata")
  @JsonPropertyDescription("Free-form facts about the model, such as its training metrics.")
  Map<String, String> metadata();

  /** A builder. */
  static ImmutablePredictor.Builder builder() {
    return ImmutablePredictor.builder();
  }
}
