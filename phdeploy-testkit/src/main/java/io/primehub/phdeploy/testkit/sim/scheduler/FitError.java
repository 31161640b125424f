package io.primehub.phdeploy.testkit.sim.scheduler;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The message the scheduler gives a pod that fits no node, for example {@code 0/2 nodes are
 * available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector. preemption:
 * 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not
 * helpful for scheduling.}
 */
final class FitError {

  private static final String NO_VICTIMS = "No preemption victims found for incoming pod";
  private static final String NOT_HELPFUL = "Preemption is not helpful for scheduling";

  private FitError() {}

  static String message(List<NodeFit> fits) {
    if (fits.isEmpty()) {
      return "no nodes available to schedule pods";
    }
    Map<String, Integer> reasons = new TreeMap<>();
    Map<String, Integer> preemption = new TreeMap<>();
    for (NodeFit fit : fits) {
      fit.reasons().forEach(reason -> reasons.merge(reason, 1, Integer::sum));
      preemption.merge(fit.resolvable() ? NO_VICTIMS : NOT_HELPFUL, 1, Integer::sum);
    }
    String prefix = "0/" + fits.size() + " nodes are available: ";
    return prefix + counted(reasons) + ". preemption: " + prefix + counted(preemption) + ".";
  }

  /** {@code "1 Insufficient cpu, 2 Too many pods"}: counted and sorted as the scheduler sorts. */
  private static String counted(Map<String, Integer> reasons) {
    return reasons.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey())
        .sorted()
        .collect(Collectors.joining(", "));
  }
}
