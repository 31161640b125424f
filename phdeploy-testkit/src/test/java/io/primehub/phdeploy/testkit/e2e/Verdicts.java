package io.primehub.phdeploy.testkit.e2e;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.model.WireJson;
import io.primehub.phdeploy.core.naming.OwnedNames;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Waiting for the controller's verdict on a deployment and reading it: its phase, reason and
 * message, its owned Deployment and the Events it recorded.
 */
final class Verdicts {

  static final Duration WAIT = Duration.ofSeconds(30);

  private Verdicts() {}

  /** Waits until the deployment is Failed for its current spec, and reads it. */
  static PhDeployment awaitFailed(PhDeployments deployments, String name) {
    deployments.awaitPhase(name, Phase.FAILED, WAIT);
    return deployments.require(name);
  }

  /**
   * Waits until the deployment is in {@code phase} for its current spec, whatever phase it is in
   * now (the SDK's awaitPhase gives up on a Failed one, and a recovery starts from Failed).
   */
  static PhDeployment await(KubernetesClient client, String name, Phase phase) {
    return awaitStatus(client, name, phase.toString(), status -> status.phase() == phase);
  }

  /**
   * Waits until the deployment's status for its current spec is as described. The object is read
   * as a generic resource, so that one whose spec the typed model cannot read is waited on too;
   * the answer carries its metadata and status only.
   */
  static PhDeployment awaitStatus(
      KubernetesClient client, String name, String description,
      Predicate<PhDeploymentStatus> condition) {
    Resource<GenericKubernetesResource> resource = raw(client, name);
    try {
      return statusOf(resource.waitUntilCondition(
          object -> object != null && describes(statusOf(object), condition),
          WAIT.toSeconds(), TimeUnit.SECONDS));
    } catch (KubernetesClientTimeoutException e) {
      throw new AssertionError(name + " did not reach " + description + " within " + WAIT
          + "; its status is " + statusOf(resource.get()).getStatus(), e);
    }
  }

  /** The PhDeployment {@code name} in the fixture's namespace, read as a generic resource. */
  static Resource<GenericKubernetesResource> raw(KubernetesClient client, String name) {
    return client.genericKubernetesResources(PhDeploymentCrd.context())
        .inNamespace(Journey.NAMESPACE).withName(name);
  }

  /** The Deployment the controller runs for a deployment, or {@code null} when there is none. */
  static Deployment deploymentOf(KubernetesClient client, String name) {
    return client.apps().deployments().inNamespace(Journey.NAMESPACE)
        .withName(OwnedNames.of(name)).get();
  }

  /** The Events recorded about a deployment, oldest first. */
  static List<Event> events(KubernetesClient client, String name) {
    // Timestamps have whole seconds; the API server's resource versions tell the order apart.
    return client.v1().events().inNamespace(Journey.NAMESPACE).list().getItems().stream()
        .filter(event -> name.equals(event.getInvolvedObject().getName()))
        .sorted(Comparator.comparingLong(
            event -> Long.parseLong(event.getMetadata().getResourceVersion())))
        .toList();
  }

  private static boolean describes(
      PhDeployment deployment, Predicate<PhDeploymentStatus> condition) {
    PhDeploymentStatus status = deployment.getStatus();
    return status != null
        && Objects.requireNonNullElse(status.observedGeneration(), 0L)
            >= deployment.getMetadata().getGeneration()
        && condition.test(status);
  }

  /** The object's metadata and status as a typed PhDeployment without a spec. */
  private static PhDeployment statusOf(GenericKubernetesResource object) {
    PhDeployment deployment = new PhDeployment();
    deployment.setMetadata(object.getMetadata());
    Object status = object.getAdditionalProperties().get("status");
    deployment.setStatus(status == null
        ? null
        : WireJson.mapper().convertValue(status, PhDeploymentStatus.class));
    return deployment;
  }
}
