package io.primehub.phdeploy.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** How a deployment's prediction endpoint is exposed. */
@Value.Immutable
@JsonSerialize(as = ImmutableEndpoint.class)
@JsonDeserialize(as = ImmutableEndpoint.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public interface Endpoint {

  /** Public unless set; a private endpoint admits only the {@link #clients()}. */
  @JsonProperty("accessType")
  @JsonPropertyDescription("public (anyone) or private (only the listed clients).")
  @Value.Default
  default AccessType accessType() {
    return AccessType.PUBLIC;
  }

  /** The clients of a private endpoint. */
  @JsonProperty("clients")
  @JsonPropertyDescription("The clients admitted to a private endpoint, with hashed tokens.")
  List<EndpointClient> clients();

  /** A public endpoint. */
  static Endpoint publicEndpoint() {
    return ImmutableEndpoint.builder().build();
  }

  /** A builder. */
  static ImmutableEndpoint.Builder builder() {
    return ImmutableEndpoint.builder();
  }
}
