package io.primehub.phdeploy.examples.quickstart;

import io.primehub.phdeploy.k8s.client.PhDeployments;
import java.util.Map;

/** Where the quick start's journey runs: the in-memory cluster, or a real one. */
interface JourneyTarget extends AutoCloseable {

  /** A line that says where the journey runs. */
  String description();

  /** The client SDK, in the namespace the journey works in. */
  PhDeployments deployments();

  /**
   * The administrator's step: enables model deployment for the group.
   *
   * @return what was done, for the narration
   */
  String enableModelDeployment(String group);

  /** How many predictions each pod served, where the target can tell. */
  Map<String, Long> requestsByPod(String deployment);

  @Override
  void close();
}
