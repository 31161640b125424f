package io.primehub.phdeploy.testkit.gateway;

import java.util.List;
import java.util.Optional;

/**
 * What the gateway knows of a routable deployment at one moment, from its informer caches: a
 * deployment is routable while its Ingress {@code deploy-<name>} exists.
 *
 * @param namespace the namespace of the Ingress, and so of the pods that serve it
 * @param deployment the deployment's name
 * @param podCount how many of its pods exist, ready or not
 * @param readyPods the pods that receive predictions, by name
 * @param privateEndpoint the credentials it requires, when its Ingress asks for authentication
 */
public record DeploymentRoute(
    String namespace,
    String deployment,
    int podCount,
    List<ReadyPod> readyPods,
    Optional<PrivateEndpoint> privateEndpoint) {

  /** A route; the list of ready pods is copied. */
  public DeploymentRoute {
    readyPods = List.copyOf(readyPods);
  }
}
