package io.primehub.phdeploy.core.validation;

import io.primehub.phdeploy.core.model.Endpoint;
import io.primehub.phdeploy.core.model.EndpointClient;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of {@code spec.endpoint}. Clients become the lines of an htpasswd file that nginx's
 * basic authentication reads, so a name may not hold ':' and a token must be a hash in a format
 * nginx verifies.
 */
final class EndpointRules {

  private static final FieldPath CLIENTS = FieldPath.SPEC.child("endpoint").child("clients");
  private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
  private static final String SALT_CHARS = "[./0-9A-Za-z]";
  /** SHA-512 crypt, SHA-256 crypt (glibc's crypt, which nginx calls) and Apache's MD5. */
  private static final Pattern TOKEN_HASH = Pattern.compile(
      "\\$6\\$(rounds=[0-9]+\\$)?" + SALT_CHARS + "{1,16}\\$" + SALT_CHARS + "{86}"
          + "|\\$5\\$(rounds=[0-9]+\\$)?" + SALT_CHARS + "{1,16}\\$" + SALT_CHARS + "{43}"
          + "|\\$apr1\\$" + SALT_CHARS + "{1,8}\\$" + SALT_CHARS + "{22}");
  private static final Pattern LOOKS_LIKE_HASH = Pattern.compile("\\$(6|5|apr1)\\$.*");
  private static final String HASH_FORMATS =
      "SHA-512 crypt ($6$...), SHA-256 crypt ($5$...) or Apache MD5 ($apr1$...)";

  private final int maxClients;

  EndpointRules(ValidationLimits limits) {
    this.maxClients = limits.maxClients();
  }

  /** Reports every problem of the endpoint. */
  void check(Endpoint endpoint, Violations out) {
    List<EndpointClient> clients = endpoint.clients();
    out.add(CLIENTS, Checks.tooMany(clients.size(), maxClients, "client",
        "remove the clients that no longer call the endpoint"));
    for (int i = 0; i < clients.size(); i++) {
      EndpointClient client = clients.get(i);
      out.add(CLIENTS.index(i).child("name"), nameProblem(client.name()));
      out.add(CLIENTS.index(i).child("token"), tokenProblem(client.token()));
    }
    NameRules.requireUnique(clients.stream().map(EndpointClient::name).toList(), "clients",
        i -> CLIENTS.index(i).child("name"), out);
  }

  private static Optional<String> nameProblem(String name) {
    return Checks.blank(name, "give the client a name")
        .or(() -> CLIENT_NAME.matcher(name).matches()
            ? Optional.empty()
            : Optional.of(Texts.quote(name) + " is not a valid client name: use 1 to 63 letters,"
                + " digits, '_', '.' or '-', starting with a letter or digit"));
  }

  /** Never quotes the token: it may be a plaintext secret that must not reach a log or status. */
  private static Optional<String> tokenProblem(String token) {
    if (token.isBlank()) {
      return Optional.of("is empty; store the hash of the client's token, in " + HASH_FORMATS);
    }
    if (TOKEN_HASH.matcher(token).matches()) {
      return Optional.empty();
    }
    if (LOOKS_LIKE_HASH.matcher(token).matches()) {
      return Optional.of("is not a well-formed hash: the salt or the hash part has the wrong"
          + " length or characters; store the hash exactly as the hashing tool printed it");
    }
    return Optional.of("looks like a plaintext token, and only its hash may be stored; store its "
        + HASH_FORMATS + " hash instead, for example the output of `openssl passwd -6`");
  }
}
