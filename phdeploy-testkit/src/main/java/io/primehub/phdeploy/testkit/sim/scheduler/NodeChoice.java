package io.primehub.phdeploy.testkit.sim.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import io.primehub.phdeploy.core.quota.Resources;
import io.primehub.phdeploy.testkit.sim.nodes.NodeSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The scheduler's choice of a node for a pod: among the nodes it fits, the one with the most CPU
 * left, then memory, then the first by name; or, when it fits none, why not on each.
 *
 * @param node the chosen node, if the pod fits any
 * @param failures why the pod fits none of the others
 */
record NodeChoice(Optional<NodeSpec> node, List<NodeFit> failures) {

  private static final Comparator<Candidate> ROOMIEST =
      Comparator.comparingLong((Candidate c) -> c.free().cpuMillis())
          .thenComparingLong(c -> c.free().memoryBytes())
          .thenComparing(c -> c.node().name(), Comparator.reverseOrder());

  /** Chooses a node for a pod requesting {@code requests}, given what each node holds. */
  static NodeChoice of(Pod pod, Resources requests, List<NodeSpec> nodes, NodeUsage usage) {
    List<NodeFit> failures = new ArrayList<>();
    List<Candidate> feasible = new ArrayList<>();
    for (NodeSpec node : nodes) {
      NodeUsage.Usage used = usage.on(node.name());
      NodeFit fit = NodeFit.check(pod, requests, node, used.requested(), used.pods());
      if (fit.fits()) {
        feasible.add(new Candidate(node, node.allocatable().minus(used.requested())));
      } else {
        failures.add(fit);
      }
    }
    return new NodeChoice(feasible.stream().max(ROOMIEST).map(Candidate::node), failures);
  }

  private record Candidate(NodeSpec node, Resources free) {}
}
