package io.primehub.phdeploy.testkit.sim.deployment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The pods the controller created or deleted whose events its informer has not delivered yet.
 * Until it has, the controller must not count again, or it would create a pod twice; the real
 * controller keeps these expectations for the same reason. The controller expects a change before
 * it sends the request, since the event can arrive before the request returns, and cancels it if
 * the request changed nothing; the informer's handlers report what they observe.
 */
final class PodExpectations {

  private final Map<String, Set<String>> creations = new HashMap<>();
  private final Map<String, Set<String>> deletions = new HashMap<>();

  synchronized void expectCreation(String deploymentUid, String podName) {
    creations.computeIfAbsent(deploymentUid, uid -> new HashSet<>()).add(podName);
  }

  synchronized void expectDeletion(String deploymentUid, String podName) {
    deletions.computeIfAbsent(deploymentUid, uid -> new HashSet<>()).add(podName);
  }

  synchronized void observedCreation(String deploymentUid, String podName) {
    remove(creations, deploymentUid, podName);
  }

  /** Notes that a pod is gone, whichever change of it was expected. */
  synchronized void observedDeletion(String deploymentUid, String podName) {
    remove(creations, deploymentUid, podName);
    remove(deletions, deploymentUid, podName);
  }

  /** Takes back the expectation of a request that changed nothing, so no event will come. */
  synchronized void cancel(String deploymentUid, String podName) {
    observedDeletion(deploymentUid, podName);
  }

  /** Whether every creation and deletion of this Deployment's pods has been observed. */
  synchronized boolean satisfied(String deploymentUid) {
    return !creations.containsKey(deploymentUid) && !deletions.containsKey(deploymentUid);
  }

  synchronized void forget(String deploymentUid) {
    creations.remove(deploymentUid);
    deletions.remove(deploymentUid);
  }

  private static void remove(Map<String, Set<String>> expected, String uid, String podName) {
    Set<String> names = expected.get(uid);
    if (names != null && names.remove(podName) && names.isEmpty()) {
      expected.remove(uid);
    }
  }
}
