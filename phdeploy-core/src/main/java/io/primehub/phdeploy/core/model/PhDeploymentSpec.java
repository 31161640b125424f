package io.primehub.phdeploy.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import io.primehub.phdeploy.core.Nullable;
import io.fabric8.generator.annotation.Required;
import org.immutables.value.Value;

/**
 * What a user asks for: a model image served on an instance type, on behalf of a user and a
 * group, with an endpoint and environment. This is {@code spec} of a {@code PhDeployment}.
 *
 * <p>Fields the wire contract requires default to the empty string rather than failing to read,
 * so that the validator can name every missing field at once. Absent and empty values are the
 * same on the wire.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePhDeploymentSpec.class)
@JsonDeserialize(as = ImmutablePhDeploymentSpec.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public interface PhDeploymentSpec {

  /** The name people see. */
  @JsonProperty(value = "displayName", required = true)
  @Required
  @JsonPropertyDescription("The name people see.")
  @Value.Default
  default String displayName() {
    return "";
  }

  /** The id of the user who owns the deployment. */
  @JsonProperty("userId")
  @JsonPropertyDescription("The id of the user who owns the deployment.")
  @Nullable
  String userId();

  /** The name of the user who owns the deployment. */
  @JsonProperty("userName")
  @JsonPropertyDescription("The name of the user who owns the deployment.")
  @Nullable
  String userName();

  /** The id of the group whose quota the deployment consumes. */
  @JsonProperty("groupId")
  @JsonPropertyDescription("The id of the group whose quota the deployment consumes.")
  @Nullable
  String groupId();

  /** The name of the group whose quota the deployment consumes. */
  @JsonProperty(value = "groupName", required = true)
  @Required
  @JsonPropertyDescription("The name of the group whose quota the deployment consumes.")
  @Value.Default
  default String groupName() {
    return "";
  }

  /** Whether the deployment is stopped: {@code false} unless set. */
  @JsonProperty("stop")
  @JsonPropertyDescription("true scales the deployment to zero; false runs it.")
  @Value.Default
  default boolean stop() {
    return false;
  }

  /** A description for people. */
  @JsonProperty("description")
  @JsonPropertyDescription("A description for people.")
  @Nullable
  String description();

  /** Why the spec last changed, as the user said it. */
  @JsonProperty("updateMessage")
  @JsonPropertyDescription("Why the spec last changed.")
  @Nullable
  String updateMessage();

  /** What runs; phdeploy serves exactly one predictor per deployment. */
  @JsonProperty(value = "predictors", required = true)
  @Required
  @JsonPropertyDescription("What runs: model image, replicas, instance type.")
  List<Predictor> predictors();

  /** How the endpoint is exposed; public when absent. */
  @JsonProperty("endpoint")
  @JsonPropertyDescription("How the prediction endpoint is exposed.")
  @Nullable
  Endpoint endpoint();

  /** Environment variables for the model container. */
  @JsonProperty("env")
  @JsonPropertyDescription("Environment variables for the model container.")
  List<EnvVar> env();

  /** The access type of the endpoint, {@link AccessType#PUBLIC} when no endpoint is set. */
  @JsonIgnore
  @Value.Derived
  @Value.Auxiliary
  default AccessType accessType() {
    Endpoint endpoint = endpoint();
    return endpoint == null ? AccessType.PUBLIC : endpoint.accessType();
  }

  /**
   * The predictor that runs.
   *
   * @throws IllegalStateException if the spec has no predictor (the validator reports that)
   */
  @JsonIgnore
  default Predictor predictor() {
    if (predictors().isEmpty()) {
      throw new IllegalStateException("the spec has no predictor");
    }
    return predictors().get(0);
  }

  /** A builder. */
  static ImmutablePhDeploymentSpec.Builder builder() {
    return ImmutablePhDeploymentSpec.builder();
  }
}
