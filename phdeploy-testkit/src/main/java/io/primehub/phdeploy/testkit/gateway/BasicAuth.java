package io.primehub.phdeploy.testkit.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Enforces a private endpoint's HTTP basic authentication: the user name is a client's name and
 * the password its token. The answer to a refused request never says whether the client name
 * exists, and nothing here logs or keeps the header.
 */
final class BasicAuth {

  private static final String SCHEME = "Basic ";

  /** Name and token as a request presents them; the token never shows in a string. */
  private record Credentials(String name, String token) {
    @Override
    public String toString() {
      return "Credentials[name=" + name + ", token=<hidden>]";
    }
  }

  private BasicAuth() {}

  /**
   * Lets the request through if the route is public or the credentials of its
   * {@code Authorization} header are those of one of the endpoint's clients.
   *
   * @param authorization the header's value; null when the request has none
   * @throws Refusal {@code 401} with a {@code WWW-Authenticate} challenge otherwise
   */
  static void check(DeploymentRoute route, String authorization) throws Refusal {
    Optional<PrivateEndpoint> privateEndpoint = route.privateEndpoint();
    if (privateEndpoint.isEmpty()) {
      return;
    }
    PrivateEndpoint endpoint = privateEndpoint.get();
    String deployment = "deployment '" + route.deployment() + "' is private";
    Credentials credentials = credentials(authorization).orElseThrow(() -> challenge(endpoint,
        deployment + ": send HTTP basic credentials <client name>:<token>"));
    if (!endpoint.admits(credentials.name(), credentials.token())) {
      throw challenge(endpoint, deployment + " and these are not the credentials of its clients");
    }
  }

  /** The credentials of a {@code Basic} header; empty if it is absent or not well-formed. */
  private static Optional<Credentials> credentials(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(
          Base64.getDecoder().decode(authorization.substring(SCHEME.length()).strip()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    return colon < 0
        ? Optional.empty()
        : Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  private static Refusal challenge(PrivateEndpoint endpoint, String info) {
    String realm = endpoint.realm().replace("\\", "\\\\").replace("\"", "\\\"");
    return new Refusal(
        Reply.failure(401, info).withHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\""));
  }
}
