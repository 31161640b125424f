package io.primehub.phdeploy.testkit.gateway;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.primehub.phdeploy.core.naming.ContainerNames;
import io.primehub.phdeploy.core.naming.OwnedNames;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Derives each deployment's route from the informer caches, afresh on every call, so a request
 * always sees the latest state the informers hold.
 */
final class RouteTable {

  /** The container of a deployment's pod that runs the user's model image. */

  // Where two namespaces hold the same Ingress name, ingress-nginx lets the oldest rule win.
  private static final Comparator<Ingress> OLDEST_FIRST = Comparator
      .comparing((Ingress ingress) -> ingress.getMetadata().getCreationTimestamp(),
          Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(ingress -> ingress.getMetadata().getNamespace());

  private final ClusterCaches caches;

  RouteTable(ClusterCaches caches) {
    this.caches = caches;
  }

  /** The route of {@code deployment}, while its Ingress {@code deploy-<name>} exists. */
  Optional<DeploymentRoute> route(String deployment) {
    return caches.ingressesNamed(OwnedNames.of(deployment)).stream()
        .min(OLDEST_FIRST)
        .map(ingress -> route(deployment, ingress));
  }

  private DeploymentRoute route(String deployment, Ingress ingress) {
    String namespace = ingress.getMetadata().getNamespace();
    List<Pod> pods = caches.podsOf(namespace, deployment);
    List<ReadyPod> ready = pods.stream()
        .filter(RouteTable::isReady)
        .sorted(Comparator.comparing((Pod pod) -> pod.getMetadata().getName()))
        .map(pod -> new ReadyPod(pod.getMetadata().getName(), modelImage(pod)))
        .toList();
    return new DeploymentRoute(
        namespace, deployment, pods.size(), ready, IngressAuth.of(ingress, caches::secret));
  }

  /** Ready as an EndpointSlice counts it: condition Ready is true, and not terminating. */
  private static boolean isReady(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null
        && Optional.ofNullable(pod.getStatus())
            .map(PodStatus::getConditions)
            .orElse(List.of())
            .stream()
            .anyMatch(condition ->
                "Ready".equals(condition.getType()) && "True".equals(condition.getStatus()));
  }

  private static Optional<String> modelImage(Pod pod) {
    return pod.getSpec().getContainers().stream()
        .filter(container -> ContainerNames.MODEL.equals(container.getName()))
        .map(Container::getImage)
        .findFirst();
  }
}
