package io.primehub.phdeploy.testkit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.CatalogResolver;
import io.primehub.phdeploy.core.catalog.CatalogVerdict;
import io.primehub.phdeploy.core.model.HistoryRecord;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentStatus;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.naming.EndpointPaths;
import io.primehub.phdeploy.k8s.desired.DesiredState;
import io.primehub.phdeploy.k8s.desired.DesiredStateFactory;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.testkit.sim.deployment.CompletedRollouts;
import io.primehub.phdeploy.testkit.sim.kubelet.StartedPods;
import io.primehub.phdeploy.testkit.sim.nodes.NodeSpec;
import io.primehub.phdeploy.testkit.sim.nodes.Nodes;
import io.primehub.phdeploy.testkit.sim.scheduler.Placements;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The objects of a {@link DeployedFleet} as the API server would store them once the fleet has
 * converged, owners before what they own, each with its uid, creation time and generation.
 */
final class FleetObjects {

  private final DeployedFleet fleet;
  private final Instant now;
  private final PhDeploymentStatus template;
  private final List<HistoryRecord> earlierRecords = new ArrayList<>();
  private final CatalogVerdict.Resolved resolved;
  private final DesiredStateFactory desiredState;
  private final CompletedRollouts rollouts;
  private final Placements placements;
  private final Nodes nodes;
  private int podAddresses;

  private FleetObjects(DeployedFleet fleet, Clock clock, Catalog catalog, List<NodeSpec> nodes,
      Placements placements, PhDeploymentStatus template, Random random) {
    this.fleet = fleet;
    this.now = clock.instant();
    this.template = template;
    Instant recorded = template.history().get(0).instant();
    for (int age = 1; age < fleet.history(); age++) {
      earlierRecords.add(
          HistoryRecord.of(recorded.minus(Duration.ofDays(age)), fleet.earlierSpec(age)));
    }
    if (!(CatalogResolver.resolve(catalog, fleet.spec())
        instanceof CatalogVerdict.Resolved found)) {
      throw new IllegalArgumentException("the fleet's spec does not resolve in the catalog");
    }
    this.resolved = found;
    this.desiredState = new DesiredStateFactory(fleet.config());
    this.rollouts = new CompletedRollouts(random);
    this.placements = placements;
    this.nodes = new Nodes(new Nodes.Listener() {
      @Override
      public void added(NodeSpec node, String internalIp) { }

      @Override
      public void removed(String name) { }
    });
    nodes.forEach(this.nodes::add);
  }

  /**
   * Every object of the fleet: the first deployment converges in a cluster of its own, the
   * others are made like it.
   *
   * @param nodes the nodes of the cluster the fleet goes into, in the order it adds them
   * @param placements where the pods go, shared by the fleets of one cluster
   * @throws IllegalArgumentException if two deployments have the same name
   * @throws IllegalStateException if the spec does not converge or the pods fit no node
   */
  static List<HasMetadata> of(DeployedFleet fleet, Clock clock, Catalog catalog,
      List<NodeSpec> nodes, Placements placements, Random random) {
    if (fleet.count() == 0) {
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < fleet.count(); i++) {
      String name = fleet.name(i);
      if (!names.add(name)) {
        throw new IllegalArgumentException("two deployments of the fleet are named " + name);
      }
    }
    PhDeploymentStatus deployed = FleetTemplate.deployedStatus(fleet, clock, catalog, nodes);
    FleetObjects objects =
        new FleetObjects(fleet, clock, catalog, nodes, placements, deployed, random);
    List<HasMetadata> all = new ArrayList<>();
    names.forEach(name -> all.addAll(objects.deployment(name)));
    return all;
  }

  private List<HasMetadata> deployment(String name) {
    PhDeployment deployment = PhDeployment.of(fleet.namespace(), name, fleet.spec());
    stored(deployment.getMetadata());
    deployment.setStatus(ImmutablePhDeploymentStatus.copyOf(template)
        .withEndpoint(EndpointPaths.predictionUrl(fleet.config().baseUrl(), name))
        .withHistory(history()));
    DesiredState desired =
        desiredState.build(deployment, resolved.group(), resolved.instanceType());
    List<HasMetadata> objects = new ArrayList<>(List.of(deployment));
    for (HasMetadata owned : desired.resources()) {
      stored(owned.getMetadata());
      objects.add(owned);
    }
    for (Pod pod : rollouts.complete(desired.deployment(), now)) {
      stored(pod.getMetadata());
      String node = placements.place(pod);
      // The pod shares its spec with the Deployment's template: it is bound on a copy.
      Pod bound = new PodBuilder(pod).editSpec().withNodeName(node).endSpec().build();
      bound.setStatus(StartedPods.ready(bound, nodes.internalIp(node).orElseThrow(),
          podAddress(), now));
      objects.add(bound);
    }
    return objects;
  }

  private List<HistoryRecord> history() {
    List<HistoryRecord> history = new ArrayList<>(template.history());
    history.addAll(earlierRecords);
    return history;
  }

  /** Metadata as the API server completes it on a creation. */
  private void stored(ObjectMeta metadata) {
    metadata.setUid(UUID.randomUUID().toString());
    metadata.setCreationTimestamp(now.truncatedTo(ChronoUnit.SECONDS).toString());
    metadata.setGeneration(1L);
  }

  /** Addresses apart from those the kubelet gives, so that the two never clash. */
  private String podAddress() {
    int n = podAddresses++;
    return "10.245." + (n / 250 % 256) + "." + (n % 250 + 2);
  }
}
