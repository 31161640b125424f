package io.primehub.phdeploy.testkit.e2e;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Everything a namespace of the cluster keeps that a secret value must never reach, as text to
 * search, by where it was found: the JSON of its PhDeployments (read as generic resources, so
 * that no field the Java model does not know is lost), Secrets (with their data decoded, since
 * the API server keeps it base64-encoded), Ingresses, Deployments, Services, Pods and Events,
 * and the log of every container of every pod.
 */
final class ClusterText {

  private ClusterText() {}

  /** The texts of {@code namespace}, keyed by a description such as {@code Secret hub/x}. */
  static Map<String, String> of(KubernetesClient client, String namespace) {
    Map<String, String> texts = new LinkedHashMap<>();
    Stream.of(
            client.genericKubernetesResources(PhDeployment.API_VERSION, PhDeployment.KIND)
                .inNamespace(namespace).list().getItems(),
            client.network().v1().ingresses().inNamespace(namespace).list().getItems(),
            client.apps().deployments().inNamespace(namespace).list().getItems(),
            client.services().inNamespace(namespace).list().getItems(),
            client.v1().events().inNamespace(namespace).list().getItems())
        .flatMap(List::stream)
        .forEach(object -> texts.put(where(object), Serialization.asJson(object)));
    for (Secret secret : client.secrets().inNamespace(namespace).list().getItems()) {
      texts.put(where(secret), Serialization.asJson(secret) + "\n" + decoded(secret));
    }
    for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
      texts.put(where(pod), Serialization.asJson(pod));
      Stream.concat(pod.getSpec().getInitContainers().stream(),
              pod.getSpec().getContainers().stream())
          .map(Container::getName)
          .forEach(container -> texts.put(where(pod) + " log of " + container,
              client.pods().inNamespace(namespace).withName(pod.getMetadata().getName())
                  .inContainer(container).getLog()));
    }
    return texts;
  }

  private static String decoded(Secret secret) {
    StringBuilder text = new StringBuilder();
    Objects.requireNonNullElse(secret.getData(), Map.<String, String>of()).forEach(
        (key, value) -> text.append(key).append('=').append(new String(
            Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8)).append('\n'));
    return text.toString();
  }

  private static String where(HasMetadata object) {
    return object.getKind() + " " + object.getMetadata().getNamespace() + "/"
        + object.getMetadata().getName();
  }
}
