package io.primehub.phdeploy.testkit.gateway;

import io.primehub.phdeploy.k8s.auth.ClientTokens;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP basic authentication a private endpoint requires: the realm its Ingress names and the
 * clients of the htpasswd file in its Secret. Only hashes are held, and {@link #toString()}
 * shows none of them.
 */
public final class PrivateEndpoint {

  private final String realm;
  private final Map<String, String> hashesByClient;

  private PrivateEndpoint(String realm, Map<String, String> hashesByClient) {
    this.realm = realm;
    this.hashesByClient = Collections.unmodifiableMap(hashesByClient);
  }

  /**
   * Reads htpasswd text as nginx does: one {@code name:hash} per line, optionally followed by
   * {@code :comment}; blank lines, {@code #} comments and lines without a {@code :} are skipped,
   * and the first line of a name is the one that counts.
   */
  static PrivateEndpoint fromHtpasswd(String realm, String htpasswd) {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String line : htpasswd.split("\\R")) {
      String entry = line.strip();
      int colon = entry.indexOf(':');
      if (entry.startsWith("#") || colon < 1) {
        continue;
      }
      String rest = entry.substring(colon + 1);
      int comment = rest.indexOf(':');
      String hash = comment < 0 ? rest : rest.substring(0, comment);
      hashes.putIfAbsent(entry.substring(0, colon), hash);
    }
    return new PrivateEndpoint(realm, hashes);
  }

  /** The realm a {@code WWW-Authenticate} challenge names. */
  public String realm() {
    return realm;
  }

  /** The names of the clients that may call the endpoint. */
  public Set<String> clientNames() {
    return hashesByClient.keySet();
  }

  /** Whether {@code token} is the token of the client named {@code clientName}. */
  public boolean admits(String clientName, String token) {
    String hash = hashesByClient.get(clientName);
    return hash != null && ClientTokens.matches(token, hash);
  }

  @Override
  public String toString() {
    return "PrivateEndpoint[realm=" + realm + ", clients=" + clientNames() + "]";
  }
}
