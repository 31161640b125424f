package io.primehub.phdeploy.testkit.gateway;

import io.primehub.phdeploy.core.naming.ContainerNames;
import io.primehub.phdeploy.k8s.desired.IngressAnnotations;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.naming.EndpointPaths;
import io.primehub.phdeploy.core.naming.OwnedNames;
import io.primehub.phdeploy.core.naming.PodLabels;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes what a deployment has in a cluster the way the controller and the kubelet would: its
 * Ingress, its htpasswd Secret and its labelled pods, with the pods' Ready condition.
 */
final class DeploymentObjects {

  private final KubernetesClient client;

  DeploymentObjects(KubernetesClient client) {
    this.client = client;
  }

  /** A public endpoint's Ingress {@code deploy-<name>}. */
  void ingress(String deployment) {
    ingress(deployment, Map.of());
  }

  /**
   * A private endpoint: its Ingress with the basic-auth annotations and its Secret with the
   * htpasswd lines of these clients.
   */
  void privateIngress(String deployment, Map<String, String> hashesByClient) {
    secret(deployment, hashesByClient);
    ingress(deployment, Map.of(
        IngressAnnotations.AUTH_TYPE, "basic",
        IngressAnnotations.AUTH_SECRET, OwnedNames.of(deployment),
        IngressAnnotations.AUTH_REALM, "deployment " + deployment));
  }

  /** Writes the Secret {@code deploy-<name>} with the htpasswd lines of these clients. */
  void secret(String deployment, Map<String, String> hashesByClient) {
    String htpasswd = hashesByClient.entrySet().stream()
        .map(client -> client.getKey() + ":" + client.getValue() + "\n")
        .collect(Collectors.joining());
    client.secrets().resource(new SecretBuilder()
            .withNewMetadata().withName(OwnedNames.of(deployment)).endMetadata()
            .addToData(IngressAnnotations.HTPASSWD_KEY, Base64.getEncoder()
                .encodeToString(htpasswd.getBytes(StandardCharsets.UTF_8)))
            .build())
        .createOr(existing -> existing.update());
  }

  /** A pod of the deployment whose {@code model} container runs {@code image}. */
  void pod(String deployment, String name, String image, boolean ready) {
    pod(deployment, name, ContainerNames.MODEL, image, ready);
  }

  /** A pod of the deployment whose container of this name runs {@code image}. */
  void pod(String deployment, String name, String container, String image, boolean ready) {
    client.pods().resource(new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .addToLabels(PodLabels.of(deployment, "phusers"))
            .endMetadata()
            .withNewSpec()
            .addNewContainer().withName(container).withImage(image).endContainer()
            .addNewContainer().withName("seldon-container-engine").withImage("engine:1")
            .endContainer()
            .endSpec()
            .build())
        .create();
    setReady(name, ready);
  }

  /** Sets the pod's Ready condition through the status subresource, as the kubelet does. */
  void setReady(String pod, boolean ready) {
    PodCondition condition = new PodConditionBuilder()
        .withType("Ready").withStatus(ready ? "True" : "False").build();
    client.pods().withName(pod).editStatus(current -> new PodBuilder(current)
        .editOrNewStatus().withPhase("Running").withConditions(List.of(condition)).endStatus()
        .build());
  }

  /** Marks the pod as being deleted, as a finalizer holds it while it terminates. */
  Pod terminate(String pod) {
    client.pods().withName(pod).edit(current -> new PodBuilder(current)
        .editMetadata().addToFinalizers("example.com/drain").endMetadata().build());
    client.pods().withName(pod).delete();
    return client.pods().withName(pod).get();
  }

  private void ingress(String deployment, Map<String, String> annotations) {
    client.network().v1().ingresses().resource(new IngressBuilder()
            .withNewMetadata()
            .withName(OwnedNames.of(deployment))
            .withAnnotations(annotations)
            .endMetadata()
            .withNewSpec()
            .addNewRule()
            .withNewHttp()
            .addNewPath()
            .withPath(EndpointPaths.ingressPathPattern(deployment))
            .withPathType("ImplementationSpecific")
            .withNewBackend().withNewService().withName(OwnedNames.of(deployment))
            .withNewPort().withNumber(8000).endPort().endService().endBackend()
            .endPath()
            .endHttp()
            .endRule()
            .endSpec()
            .build())
        .create();
  }
}
