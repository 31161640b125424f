package io.primehub.phdeploy.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * A client allowed to call a private endpoint. The token is stored only as a crypt(3) hash
 * (SHA-512, {@code $6$...}); the plaintext is shown once to whoever adds the client and never
 * kept. Both fields default to the empty string, as the required fields of the spec do, so that
 * a client missing one still reads and the validator can name the missing field.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableEndpointClient.class)
@JsonDeserialize(as = ImmutableEndpointClient.class)
public interface EndpointClient {

  /** The client's name, also its user name in HTTP basic authentication. */
  @JsonProperty("name")
  @JsonPropertyDescription("The client's name, its user name in HTTP basic authentication.")
  @Value.Default
  default String name() {
    return "";
  }

  /**
   * The crypt(3) hash of the client's token. Redacted from {@link #toString()}, so that a
   * plaintext stored here by mistake still cannot reach a log line.
   */
  @JsonProperty("token")
  @JsonPropertyDescription("The crypt(3) hash of the client's token; never the plaintext.")
  @Value.Default
  @Value.Redacted
  default String token() {
    return "";
  }

  /** A client with the given name and token hash. */
  static EndpointClient of(String name, String tokenHash) {
    return ImmutableEndpointClient.builder().name(name).token(tokenHash).build();
  }
}
