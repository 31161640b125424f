package io.primehub.phdeploy.testkit;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.controller.PhDeployController;
import io.primehub.phdeploy.testkit.sim.nodes.NodeSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The status a deployment of a fleet's spec reaches: one deployment converged by a real
 * controller in a cluster of its own, with the same clock, catalog and nodes as the fleet's.
 */
final class FleetTemplate {

  private static final Duration CONVERGENCE = Duration.ofMinutes(1);

  private FleetTemplate() {}

  /**
   * The status of the fleet's first deployment once {@code Deployed}.
   *
   * @throws IllegalStateException if it does not converge to {@code Deployed}
   */
  static PhDeploymentStatus deployedStatus(
      DeployedFleet fleet, Clock clock, Catalog catalog, List<NodeSpec> nodes) {
    try (InMemoryCluster cluster = InMemoryCluster.builder()
        .clock(clock).catalog(catalog).nodes(nodes.toArray(NodeSpec[]::new)).start()) {
      KubernetesClient controllerClient = cluster.newClient(
          c -> c.withUserAgent(PhDeployEnvironment.CONTROLLER_USER_AGENT));
      try (PhDeployController controller = PhDeployController.builder(controllerClient)
          .catalog(cluster.catalog()).config(fleet.config()).clock(clock).build()) {
        controller.start();
        PhDeployments deployments =
            PhDeployments.using(cluster.client()).inNamespace(fleet.namespace());
        deployments.create(fleet.name(0), fleet.spec());
        try {
          return deployments.awaitPhase(fleet.name(0), Phase.DEPLOYED, CONVERGENCE);
        } catch (RuntimeException e) {
          throw new IllegalStateException("a deployment of the fleet's spec does not reach "
              + "Deployed, so no fleet of it can be seeded: " + e.getMessage(), e);
        }
      }
    }
  }
}
