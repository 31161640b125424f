package io.primehub.phdeploy.k8s.auth;

import io.primehub.phdeploy.core.model.EndpointClient;
import java.util.Objects;

/**
 * A new client of a private endpoint with its token in plaintext: returned once, to whoever
 * added the client, and never stored. Its {@link #toString()} hides the token so that it cannot
 * reach a log by accident.
 *
 * @param name the client's name, its user name in HTTP basic authentication
 * @param token the plaintext token, its password in HTTP basic authentication
 */
public record ClientCredentials(String name, String token) {

  /** Credentials; both parts are required. */
  public ClientCredentials {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(token, "token");
  }

  /** The client as the spec stores it: name and hashed token. */
  public EndpointClient toEndpointClient() {
    return EndpointClient.of(name, ClientTokens.hash(token));
  }

  @Override
  public String toString() {
    return "ClientCredentials[name=" + name + ", token=<hidden>]";
  }
}
