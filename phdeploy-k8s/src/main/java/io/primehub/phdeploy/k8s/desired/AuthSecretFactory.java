package io.primehub.phdeploy.k8s.desired;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.primehub.phdeploy.core.model.Endpoint;
import io.primehub.phdeploy.core.model.EndpointClient;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Secret that nginx checks a private endpoint's basic authentication against: one htpasswd
 * line {@code <client>:<token hash>} a client. The spec holds only crypt(3) hashes of the
 * tokens, so neither the Secret nor anything else phdeploy writes ever holds a plaintext.
 */
final class AuthSecretFactory {

  /** The key nginx reads an {@code auth-file} Secret from. */
  static final String KEY = IngressAnnotations.HTPASSWD_KEY;

  /**
   * The crypt(3) formats the spec may hold and nginx verifies: SHA-512 ({@code $6$}), SHA-256
   * ({@code $5$}) and Apache MD5 ({@code $apr1$}). The validator checks their exact shape; this
   * is the last guard that no plaintext and no line break reaches the file.
   */
  private static final Pattern TOKEN_HASH = Pattern.compile("\\$(6|5|apr1)\\$[^\\s:]+");

  /** A name that cannot break an htpasswd line. */
  private static final Pattern CLIENT_NAME = Pattern.compile("[^\\s:]+");

  private AuthSecretFactory() {}

  /**
   * The Secret of a private deployment.
   *
   * @throws IllegalArgumentException if a client's name or token could break the htpasswd file,
   *     or a token is not a crypt(3) hash (which a plaintext would not be)
   */
  static Secret build(PhDeployment deployment) {
    Endpoint endpoint = deployment.getSpec().endpoint();
    List<EndpointClient> clients = endpoint == null ? List.of() : endpoint.clients();
    StringBuilder htpasswd = new StringBuilder();
    for (EndpointClient client : clients) {
      htpasswd.append(line(client)).append('\n');
    }
    return new SecretBuilder()
        .withMetadata(OwnedMetadata.of(deployment))
        .withType("Opaque")
        .addToData(KEY, Base64.getEncoder()
            .encodeToString(htpasswd.toString().getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  private static String line(EndpointClient client) {
    if (!CLIENT_NAME.matcher(client.name()).matches()) {
      throw new IllegalArgumentException("endpoint client name '" + client.name()
          + "' must be non-empty without ':' or white space");
    }
    // The message never quotes the token: it might be a plaintext given by mistake.
    if (!TOKEN_HASH.matcher(client.token()).matches()) {
      throw new IllegalArgumentException("the token of endpoint client '" + client.name()
          + "' is not a crypt(3) hash ($6$, $5$ or $apr1$); the spec must hold hashes only");
    }
    return client.name() + ":" + client.token();
  }
}
