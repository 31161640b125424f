package io.primehub.phdeploy.testkit.sim.scheduler;

import io.fabric8.kubernetes.api.model.Pod;
import io.primehub.phdeploy.core.quota.Resources;
import io.primehub.phdeploy.testkit.sim.runtime.PodAmounts;
import java.util.HashMap;
import java.util.Map;

/**
 * What the live pods bound to each node request, kept from the pod informer's events as they come,
 * so that placing a pod looks at each node once rather than at every pod on it. A pod the
 * scheduler bound counts as placed at once, before the binding shows in an event, until an event
 * shows it bound, finished or gone. A pod's requests are read once: Kubernetes does not let them
 * change.
 */
final class NodeUsage {

  private static final Usage EMPTY = new Usage(Resources.ZERO, 0);

  private final Map<String, Placement> placements = new HashMap<>();
  private final Map<String, Usage> nodes = new HashMap<>();

  /** Counts a pod the scheduler just bound to this node, before its event shows the binding. */
  synchronized void assume(Pod pod, String nodeName, Resources requests) {
    place(pod.getMetadata().getUid(), new Placement(nodeName, requests, true));
  }

  /** Follows an event about a pod. */
  synchronized void podChanged(Pod pod) {
    String uid = pod.getMetadata().getUid();
    Placement before = placements.get(uid);
    String nodeName = pod.getSpec().getNodeName();
    if (PodAmounts.terminated(pod)) {
      remove(uid);
    } else if (nodeName != null) {
      Resources requests = before == null ? PodAmounts.requests(pod) : before.requests();
      place(uid, new Placement(nodeName, requests, false));
    } else if (before != null && !before.assumed()) {
      remove(uid);
    }
  }

  /** Follows the deletion of a pod. */
  synchronized void podDeleted(Pod pod) {
    remove(pod.getMetadata().getUid());
  }

  /** What the pods placed on this node request, and how many they are. */
  synchronized Usage on(String nodeName) {
    return nodes.getOrDefault(nodeName, EMPTY);
  }

  private void place(String uid, Placement placement) {
    remove(uid);
    placements.put(uid, placement);
    nodes.merge(placement.nodeName(), new Usage(placement.requests(), 1), Usage::plus);
  }

  private void remove(String uid) {
    Placement gone = placements.remove(uid);
    if (gone != null) {
      Usage left = nodes.get(gone.nodeName()).minus(gone.requests());
      if (left.pods() == 0) {
        nodes.remove(gone.nodeName());
      } else {
        nodes.put(gone.nodeName(), left);
      }
    }
  }

  /**
   * What the pods on a node request.
   *
   * @param requested the sum of their requests
   * @param pods how many they are
   */
  record Usage(Resources requested, int pods) {

    Usage plus(Usage other) {
      return new Usage(requested.plus(other.requested), pods + other.pods);
    }

    Usage minus(Resources requests) {
      return new Usage(requested.minus(requests), pods - 1);
    }
  }

  private record Placement(String nodeName, Resources requests, boolean assumed) {}
}
