package io.primehub.phdeploy.testkit.gateway;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.primehub.phdeploy.k8s.desired.IngressAnnotations;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads an Ingress's ingress-nginx basic-authentication annotations and the htpasswd Secret they
 * name into the {@link PrivateEndpoint} the gateway enforces. It fails closed, as ingress-nginx
 * does: an Ingress that asks for authentication but names no readable Secret admits no one.
 */
final class IngressAuth {


  private static final String DEFAULT_REALM = "Authentication Required";

  private IngressAuth() {}

  /**
   * The authentication the Ingress requires, if it requires any.
   *
   * @param secrets finds a Secret by namespace and name
   */
  static Optional<PrivateEndpoint> of(
      Ingress ingress, BiFunction<String, String, Optional<Secret>> secrets) {
    Map<String, String> annotations =
        Optional.ofNullable(ingress.getMetadata().getAnnotations()).orElse(Map.of());
    if (!annotations.containsKey(IngressAnnotations.AUTH_TYPE)) {
      return Optional.empty();
    }
    String htpasswd = Optional.ofNullable(annotations.get(IngressAnnotations.AUTH_SECRET))
        .flatMap(reference -> secret(ingress.getMetadata().getNamespace(), reference, secrets))
        .flatMap(IngressAuth::htpasswd)
        .orElse("");
    return Optional.of(PrivateEndpoint.fromHtpasswd(
        annotations.getOrDefault(IngressAnnotations.AUTH_REALM, DEFAULT_REALM), htpasswd));
  }

  private static Optional<Secret> secret(
      String ingressNamespace,
      String reference,
      BiFunction<String, String, Optional<Secret>> secrets) {
    int slash = reference.indexOf('/');
    return slash < 0
        ? secrets.apply(ingressNamespace, reference)
        : secrets.apply(reference.substring(0, slash), reference.substring(slash + 1));
  }

  /** The file from {@code data} as the API server stores it, or from {@code stringData}. */
  private static Optional<String> htpasswd(Secret secret) {
    // The mock API server keeps stringData as written rather than merging it into data.
    return Optional.ofNullable(secret.getData())
        .map(data -> data.get(IngressAnnotations.HTPASSWD_KEY))
        .map(encoded -> new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8))
        .or(() -> Optional.ofNullable(secret.getStringData()).map(data -> data.get(IngressAnnotations.HTPASSWD_KEY)));
  }
}
