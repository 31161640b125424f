package io.primehub.phdeploy.core.phase;

import io.primehub.phdeploy.core.model.Failure;
import io.primehub.phdeploy.core.model.FailureReason;
import java.util.List;
import java.util.Optional;

/**
 * Turns what Kubernetes reports as wrong into the one failure a person should act on first: the
 * most specific problem, because fixing it often removes the others (a pod whose image cannot be
 * pulled never gets to crash).
 */
final class Problems {

  private static final List<PodProblemKind> MOST_SPECIFIC_FIRST =
      List.of(
          PodProblemKind.IMAGE_INVALID,
          PodProblemKind.IMAGE_PULL,
          PodProblemKind.INIT_FAILED,
          PodProblemKind.CRASH_LOOP,
          PodProblemKind.UNSCHEDULABLE);

  /** How many pod names a message lists before it only counts the rest. */
  private static final int PODS_NAMED = 3;

  private Problems() {}

  /** The failure to report, when anything is wrong. */
  static Optional<Failure> failure(Observation observation) {
    return quotaDenial(observation.workload()).or(() -> podFailure(observation));
  }

  /**
   * A denial by PrimeHub's quota admission webhook or by a ResourceQuota, which Kubernetes
   * reports on the Deployment, because the pods it refuses never exist.
   */
  private static Optional<Failure> quotaDenial(WorkloadFacts workload) {
    if (workload == null || workload.replicaFailureMessage() == null) {
      return Optional.empty();
    }
    String denial = workload.replicaFailureMessage();
    if (!denial.contains("denied the request") && !denial.contains("exceeded quota")) {
      return Optional.empty();
    }
    return Optional.of(
        new Failure(
            FailureReason.GROUP_QUOTA_EXCEEDED,
            "Kubernetes refused to create the pods: " + Words.sentence(denial)
                + " Lower the replicas, pick a smaller instance type, or ask the administrator"
                + " for more quota for the group."));
  }

  private static Optional<Failure> podFailure(Observation observation) {
    for (PodProblemKind kind : MOST_SPECIFIC_FIRST) {
      List<PodProblem> ofKind =
          observation.podProblems().stream().filter(problem -> problem.kind() == kind).toList();
      if (!ofKind.isEmpty()) {
        return Optional.of(explain(kind, ofKind, observation));
      }
    }
    return Optional.empty();
  }

  private static Failure explain(
      PodProblemKind kind, List<PodProblem> problems, Observation observation) {
    // Pods of one rollout fail alike, so the first one's words stand for all of them.
    String evidence = " (" + pods(problems) + "): " + Words.sentence(problems.get(0).message());
    String image = "The model image \"" + observation.modelImage() + "\"";
    return switch (kind) {
      case IMAGE_INVALID -> new Failure(
          FailureReason.IMAGE_INVALID,
          image + " is not a valid image name" + evidence
              + " Set modelImage to a reference such as registry.example/name:tag.");
      case IMAGE_PULL -> new Failure(
          FailureReason.IMAGE_PULL_FAILED,
          image + " cannot be pulled" + evidence
              + " Check that the image exists with that name and tag; for a private registry,"
              + " set the predictor's imagePullSecret to a Secret that may pull it.");
      case INIT_FAILED -> new Failure(
          FailureReason.MODEL_STORAGE_INIT_FAILED,
          "The model files could not be copied into the pod" + evidence
              + " Check the predictor's modelURI and the credentials its storage needs.");
      case CRASH_LOOP -> new Failure(
          FailureReason.CONTAINER_CRASHING,
          "The model server keeps crashing" + evidence
              + " Read the replica logs of container \"model\" to see why it exits.");
      case UNSCHEDULABLE -> new Failure(
          FailureReason.CLUSTER_RESOURCE_INSUFFICIENT,
          "No node has room for a pod of instance type \"" + observation.instanceType() + "\""
              + evidence + " Lower the replicas, or pick another instance type.");
    };
  }

  /**
   * For example {@code pod deploy-a-1}, or {@code 5 pods: deploy-a-1, deploy-a-2, deploy-a-3 and
   * 2 more}.
   */
  private static String pods(List<PodProblem> problems) {
    List<String> names = problems.stream().map(PodProblem::podName).distinct().toList();
    if (names.size() == 1) {
      return "pod " + names.get(0);
    }
    String named = String.join(", ", names.subList(0, Math.min(PODS_NAMED, names.size())));
    int unnamed = names.size() - PODS_NAMED;
    return names.size() + " pods: " + named + (unnamed > 0 ? " and " + unnamed + " more" : "");
  }
}
