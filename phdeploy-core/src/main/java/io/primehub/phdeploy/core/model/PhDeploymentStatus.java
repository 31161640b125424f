package io.primehub.phdeploy.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import io.primehub.phdeploy.core.Nullable;
import org.immutables.value.Value;

/**
 * What the controller observed and decided: {@code status} of a {@code PhDeployment}. Every
 * field is optional, because a status is absent until the controller first writes one.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePhDeploymentStatus.class)
@JsonDeserialize(as = ImmutablePhDeploymentStatus.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public interface PhDeploymentStatus {

  /** The phase, absent until the controller first reconciles the deployment. */
  @JsonProperty("phase")
  @JsonPropertyDescription("Deploying, Deployed, Stopping, Stopped or Failed.")
  @Nullable
  Phase phase();

  /** Why the deployment failed; present only in {@link Phase#FAILED}. */
  @JsonProperty("reason")
  @JsonPropertyDescription("A machine-readable reason when the phase is Failed.")
  @Nullable
  FailureReason reason();

  /** What is happening, for people: the cause of a failure and what to do about it. */
  @JsonProperty("message")
  @JsonPropertyDescription("What is happening, for people.")
  @Nullable
  String message();

  /** The replicas the deployment asks for now (zero when stopped). */
  @JsonProperty("replicas")
  @JsonPropertyDescription("The replicas the deployment asks for now.")
  @Nullable
  Integer replicas();

  /** The replicas that are available. */
  @JsonProperty("availableReplicas")
  @JsonPropertyDescription("The replicas that are available.")
  @Nullable
  Integer availableReplicas();

  /** The prediction URL, once the deployment is routed. */
  @JsonProperty("endpoint")
  @JsonPropertyDescription("The prediction URL.")
  @Nullable
  String endpoint();

  /** The specs applied, newest first, at most 32. */
  @JsonProperty("history")
  @JsonPropertyDescription("The specs applied, newest first.")
  List<HistoryRecord> history();

  /** The {@code metadata.generation} this status describes. */
  @JsonProperty("observedGeneration")
  @JsonPropertyDescription("The metadata.generation this status describes.")
  @Nullable
  Long observedGeneration();

  /** Standard Kubernetes conditions, for tools that read them. */
  @JsonProperty("conditions")
  @JsonPropertyDescription("Standard Kubernetes conditions.")
  List<Condition> conditions();

  /** A builder. */
  static ImmutablePhDeploymentStatus.Builder builder() {
    return ImmutablePhDeploymentStatus.builder();
  }
}
