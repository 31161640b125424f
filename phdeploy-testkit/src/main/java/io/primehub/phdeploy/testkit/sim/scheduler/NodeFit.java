package io.primehub.phdeploy.testkit.sim.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.primehub.phdeploy.core.quota.ResourceKind;
import io.primehub.phdeploy.core.quota.Resources;
import io.primehub.phdeploy.testkit.sim.nodes.NodeSpec;
import io.primehub.phdeploy.testkit.sim.runtime.PodAmounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a pod fits a node, checked as the default scheduler's filters check it and in their
 * order: taints, then the node selector, then free room. The first filter that fails gives the
 * reasons, in the scheduler's words.
 *
 * @param reasons why the pod does not fit, empty if it does
 * @param resolvable whether evicting other pods could make room, which decides what preemption
 *     says
 */
record NodeFit(List<String> reasons, boolean resolvable) {

  static NodeFit check(Pod pod, Resources requests, NodeSpec node, Resources used, int pods) {
    List<Taint> untolerated = node.taints().stream()
        .filter(taint -> !"PreferNoSchedule".equals(taint.getEffect()))
        .filter(taint ->
            pod.getSpec().getTolerations().stream().noneMatch(t -> tolerates(t, taint)))
        .toList();
    if (!untolerated.isEmpty()) {
      Taint taint = untolerated.get(0);
      return new NodeFit(List.of("node(s) had untolerated taint {" + taint.getKey() + ": "
          + Objects.requireNonNullElse(taint.getValue(), "") + "}"), false);
    }
    Map<String, String> selector = pod.getSpec().getNodeSelector();
    if (selector != null && !node.labels().entrySet().containsAll(selector.entrySet())) {
      return new NodeFit(List.of("node(s) didn't match Pod's node affinity/selector"), false);
    }
    return new NodeFit(insufficient(requests, node, used, pods), true);
  }

  boolean fits() {
    return reasons.isEmpty();
  }

  private static List<String> insufficient(
      Resources requests, NodeSpec node, Resources used, int pods) {
    List<String> reasons = new ArrayList<>();
    if (pods + 1 > node.maxPods()) {
      reasons.add("Too many pods");
    }
    Resources free = node.allocatable().minus(used);
    for (ResourceKind kind : ResourceKind.values()) {
      if (kind.amountIn(requests) > kind.amountIn(free)) {
        String name = kind == ResourceKind.GPU ? PodAmounts.GPU : kind.wireName();
        reasons.add("Insufficient " + name);
      }
    }
    return reasons;
  }

  private static boolean tolerates(Toleration toleration, Taint taint) {
    String effect = toleration.getEffect();
    if (effect != null && !effect.isEmpty() && !effect.equals(taint.getEffect())) {
      return false;
    }
    String key = toleration.getKey();
    if ("Exists".equals(toleration.getOperator())) {
      return key == null || key.isEmpty() || key.equals(taint.getKey());
    }
    return Objects.equals(key, taint.getKey())
        && Objects.equals(emptyIfNull(toleration.getValue()), emptyIfNull(taint.getValue()));
  }

  private static String emptyIfNull(String text) {
    return text == null ? "" : text;
  }
}
