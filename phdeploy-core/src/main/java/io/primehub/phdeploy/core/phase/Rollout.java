package io.primehub.phdeploy.core.phase;

/** How far the Deployment has got with bringing the desired replicas up. */
final class Rollout {

  private Rollout() {}

  /**
   * Whether the rollout is done: the Deployment has taken up its current spec, and runs exactly
   * the desired replicas, all updated and available, with no pod of an older rollout left. With
   * no replicas desired, done means no pod is left either; then the Deployment may be absent.
   */
  static boolean complete(Observation observation) {
    int desired = observation.desiredReplicas();
    WorkloadFacts workload = observation.workload();
    if (workload == null) {
      return desired == 0 && observation.podsPresent() == 0;
    }
    boolean settled = caughtUp(workload)
        && workload.updatedReplicas() == desired
        && workload.availableReplicas() == desired
        && workload.replicas() == desired;
    // Deployment status leaves out terminating pods, which still hold resources.
    return settled && (desired > 0 || observation.podsPresent() == 0);
  }

  /**
   * Whether Kubernetes reports that the rollout of the current spec stopped making progress.
   * A deadline reported for an earlier spec says nothing about the current one.
   */
  static boolean stalled(Observation observation) {
    WorkloadFacts workload = observation.workload();
    return workload != null && caughtUp(workload) && workload.progressDeadlineExceeded();
  }

  /** The replicas the Deployment reports available; 0 before it exists. */
  static int availableReplicas(Observation observation) {
    WorkloadFacts workload = observation.workload();
    return workload == null ? 0 : workload.availableReplicas();
  }

  /** For example {@code 1 of 2 replicas available}. */
  static String available(Observation observation) {
    return availableReplicas(observation) + " of "
        + Words.count(observation.desiredReplicas(), "replica") + " available";
  }

  /** For example {@code 1 of 2 replicas available; rolling out: 2 of 2 updated, 1 ready}. */
  static String progress(Observation observation) {
    return available(observation) + "; " + stage(observation)
        + replicaFailure(observation.workload());
  }

  private static String stage(Observation observation) {
    int desired = observation.desiredReplicas();
    WorkloadFacts workload = observation.workload();
    if (workload == null) {
      return "waiting for the Deployment to be created";
    }
    if (!caughtUp(workload)) {
      return "waiting for Kubernetes to take up the changed Deployment";
    }
    if (desired == 0) {
      int left = Math.max(observation.podsPresent(), workload.replicas());
      return "scaling down: " + Words.count(left, "pod") + " left";
    }
    int old = workload.replicas() - workload.updatedReplicas();
    return "rolling out: " + workload.updatedReplicas() + " of " + desired + " updated, "
        + workload.readyReplicas() + " ready"
        + (old > 0 ? ", " + Words.count(old, "old replica") + " still running" : "");
  }

  /** Why the Deployment cannot create pods, when that is not a quota, which fails at once. */
  private static String replicaFailure(WorkloadFacts workload) {
    if (workload == null || workload.replicaFailureMessage() == null) {
      return "";
    }
    String reason = workload.replicaFailureReason() == null
        ? ""
        : " (" + workload.replicaFailureReason() + ")";
    return "; the Deployment cannot create pods" + reason + ": "
        + workload.replicaFailureMessage();
  }

  private static boolean caughtUp(WorkloadFacts workload) {
    return workload.observedGeneration() >= workload.generation();
  }
}
