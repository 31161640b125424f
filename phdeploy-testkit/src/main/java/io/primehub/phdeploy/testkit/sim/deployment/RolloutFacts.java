package io.primehub.phdeploy.testkit.sim.deployment;

import io.primehub.phdeploy.core.Nullable;

/**
 * What the deployment controller observed of a Deployment's pods, from which it writes the
 * status.
 *
 * @param replicas the desired replicas
 * @param pods the pods of every template
 * @param updated the pods of the current template
 * @param ready the ready pods
 * @param available the available pods
 * @param strategy the resolved strategy
 * @param replicaSetName the name the current template's replica set would have
 * @param creationFailure why the last pod creation failed, or {@code null} if it did not
 */
record RolloutFacts(
    int replicas,
    int pods,
    int updated,
    int ready,
    int available,
    RolloutStrategy strategy,
    String replicaSetName,
    @Nullable String creationFailure) {

  /** Whether every replica is of the current template and available, and no other pod is left. */
  boolean complete() {
    return updated == replicas && pods == replicas && available == replicas;
  }
}
