package io.primehub.phdeploy.core.phase;

import java.time.Duration;
import java.time.Instant;

/** Observations of one deployment, "spam", at fixed instants, for the evaluator's tests. */
final class Observations {

  static final String IMAGE = "registry.example/spam:1.0.3";
  static final String INSTANCE_TYPE = "cpu-only";
  static final Instant SINCE = Instant.parse("2024-05-01T10:00:00Z");
  static final Duration TIMEOUT = Duration.ofMinutes(5);
  static final Instant DEADLINE = SINCE.plus(TIMEOUT);

  /** What the kubelet reports for an image name it cannot parse. */
  static final String INVALID_IMAGE_NAME =
      "Failed to apply default image tag \"registry.example/Spam:1.0.3\": couldn't parse image"
          + " reference \"registry.example/Spam:1.0.3\": invalid reference format: repository"
          + " name must be lowercase";

  /** What the kubelet reports while it backs off pulling an image that is not there. */
  static final String PULL_BACK_OFF = "Back-off pulling image \"registry.example/spam:1.0.3\"";

  /** What the kubelet reports while it backs off restarting the model container. */
  static final String CRASH_BACK_OFF =
      "back-off 5m0s restarting failed container=model"
          + " pod=deploy-spam-7d9f8c-x2k4q_hub(4b1e2f3a-9c7d-4e1b-8a6f-0d2c5e7f9a1b)";

  /** What the scheduler reports when no node has the CPU a pod requests. */
  static final String INSUFFICIENT_CPU =
      "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available:"
          + " 3 No preemption victims found for incoming pod.";

  /** What PrimeHub's admission webhook answers when a pod would exceed the group's quota. */
  static final String WEBHOOK_DENIAL =
      "admission webhook \"resources-validation-webhook.primehub.io\" denied the request:"
          + " Group phusers exceeded cpu quota: 8, requesting 9.0";

  /** What a namespace's ResourceQuota answers when a pod would exceed it. */
  static final String RESOURCE_QUOTA_DENIAL =
      "pods \"deploy-spam-7d9f8c-x2k4q\" is forbidden: exceeded quota: compute-resources,"
          + " requested: limits.cpu=2, used: limits.cpu=8, limited: limits.cpu=8";

  private Observations() {}

  /** One minute into a rollout of 2 replicas: both updated, one ready and available. */
  static ImmutableObservation.Builder rollingOut() {
    return Observation.builder()
        .desiredReplicas(2)
        .modelImage(IMAGE)
        .instanceType(INSTANCE_TYPE)
        .workload(workload(2, 1))
        .podsPresent(2)
        .deployingSince(SINCE)
        .now(SINCE.plus(Duration.ofMinutes(1)))
        .deployTimeout(TIMEOUT);
  }

  /** A rollout that is complete: 2 replicas, all updated and available. */
  static ImmutableObservation.Builder rolledOut() {
    return rollingOut().workload(workload(2, 2));
  }

  /** A Deployment that has taken up generation 2, with its pods all updated. */
  static ImmutableWorkloadFacts.Builder workloadBuilder(int pods, int available) {
    return WorkloadFacts.builder()
        .generation(2)
        .observedGeneration(2)
        .replicas(pods)
        .updatedReplicas(pods)
        .readyReplicas(available)
        .availableReplicas(available);
  }

  static WorkloadFacts workload(int pods, int available) {
    return workloadBuilder(pods, available).build();
  }

  static PodProblem problem(PodProblemKind kind, String podName, String message) {
    return new PodProblem(kind, podName, message);
  }
}
