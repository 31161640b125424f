package io.primehub.phdeploy.k8s.controller.processing;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.phase.ContainerFacts;
import io.primehub.phdeploy.core.phase.PodDiagnosis;
import io.primehub.phdeploy.core.phase.PodFacts;
import io.primehub.phdeploy.core.phase.PodProblem;
import io.primehub.phdeploy.core.phase.WorkloadFacts;
import io.primehub.phdeploy.k8s.desired.DesiredHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Translates the Kubernetes objects a deployment runs as into the plain facts core's phase
 * evaluator decides from. Only translation lives here; what the facts mean is core's.
 */
public final class WorkloadObservations {

  private WorkloadObservations() {}

  /** The facts of an observed Deployment. */
  public static WorkloadFacts workload(Deployment deployment) {
    DeploymentStatus status = deployment.getStatus();
    var facts = WorkloadFacts.builder()
        .generation(Objects.requireNonNullElse(deployment.getMetadata().getGeneration(), 1L))
        .observedGeneration(0);
    if (status == null) {
      return facts.build();
    }
    facts.observedGeneration(Objects.requireNonNullElse(status.getObservedGeneration(), 0L))
        .replicas(orZero(status.getReplicas()))
        .updatedReplicas(orZero(status.getUpdatedReplicas()))
        .readyReplicas(orZero(status.getReadyReplicas()))
        .availableReplicas(orZero(status.getAvailableReplicas()));
    for (DeploymentCondition condition : status.getConditions()) {
      if ("ReplicaFailure".equals(condition.getType()) && "True".equals(condition.getStatus())) {
        facts.replicaFailureReason(condition.getReason())
            .replicaFailureMessage(condition.getMessage());
      }
      if ("Progressing".equals(condition.getType())
          && "ProgressDeadlineExceeded".equals(condition.getReason())) {
        facts.progressDeadlineExceeded(true);
      }
    }
    return facts.build();
  }

  /**
   * The problems of a deployment's pods, as core diagnoses them.
   *
   * @param currentTemplate the fingerprint of the pod template the deployment runs now, or
   *     {@code null} when it is not known, which makes every pod current
   */
  public static List<PodProblem> problems(List<Pod> pods, @Nullable String currentTemplate) {
    List<PodProblem> problems = new ArrayList<>();
    for (Pod pod : pods) {
      if (pod.getMetadata().getDeletionTimestamp() == null) {
        problems.addAll(PodDiagnosis.problems(facts(pod, currentTemplate)));
      }
    }
    return problems;
  }

  /** The facts of one pod, which is current unless it carries another template's fingerprint. */
  public static PodFacts facts(Pod pod, @Nullable String currentTemplate) {
    String template = DesiredHash.carried(pod, DesiredHash.TEMPLATE_ANNOTATION);
    var facts = PodFacts.builder()
        .podName(pod.getMetadata().getName())
        .current(currentTemplate == null || template == null || currentTemplate.equals(template));
    if (pod.getStatus() == null) {
      return facts.build();
    }
    for (PodCondition condition : pod.getStatus().getConditions()) {
      if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())
          && "Unschedulable".equals(condition.getReason())) {
        facts.unschedulableMessage(condition.getMessage());
      }
      if ("Ready".equals(condition.getType())) {
        facts.ready("True".equals(condition.getStatus()));
      }
    }
    pod.getStatus().getInitContainerStatuses().forEach(s -> facts.addContainers(container(s, true)));
    pod.getStatus().getContainerStatuses().forEach(s -> facts.addContainers(container(s, false)));
    return facts.build();
  }

  private static ContainerFacts container(ContainerStatus status, boolean init) {
    var facts = ContainerFacts.builder()
        .name(status.getName())
        .init(init)
        .restartCount(orZero(status.getRestartCount()));
    ContainerState state = status.getState();
    if (state != null && state.getWaiting() != null) {
      facts.waitingReason(state.getWaiting().getReason())
          .waitingMessage(state.getWaiting().getMessage());
    }
    if (state != null && state.getTerminated() != null) {
      facts.terminatedExitCode(state.getTerminated().getExitCode())
          .terminatedReason(state.getTerminated().getReason());
    }
    return facts.build();
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
