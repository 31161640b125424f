package io.primehub.phdeploy.core.phase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what keeps a pod from serving out of the states its containers and the scheduler report,
 * in the words Kubernetes uses:
 *
 * <ul>
 *   <li>waiting reason {@code InvalidImageName}: {@link PodProblemKind#IMAGE_INVALID};
 *   <li>waiting reason {@code ErrImagePull}, {@code ImagePullBackOff}, {@code ErrImageNeverPull}
 *       or {@code RegistryUnavailable}: {@link PodProblemKind#IMAGE_PULL};
 *   <li>a main container waiting in {@code CrashLoopBackOff}, or terminated with a non-zero exit
 *       code after at least one restart: {@link PodProblemKind#CRASH_LOOP};
 *   <li>an init container waiting in {@code CrashLoopBackOff}, terminated with a non-zero exit
 *       code, or with either image problem: {@link PodProblemKind#INIT_FAILED}, because the only
 *       init container is the storage initializer that copies the model, and its image is not
 *       the user's;
 *   <li>a scheduler's {@code Unschedulable} message: {@link PodProblemKind#UNSCHEDULABLE}.
 * </ul>
 *
 * A main container that exited with an error but was never restarted is not yet a problem: the
 * kubelet restarts it, and only a repeated failure says the model server cannot start.
 */
public final class PodDiagnosis {

  private static final String INVALID_IMAGE = "InvalidImageName";
  private static final Set<String> IMAGE_PULL_FAILURES =
      Set.of("ErrImagePull", "ImagePullBackOff", "ErrImageNeverPull", "RegistryUnavailable");
  private static final String CRASH_LOOP = "CrashLoopBackOff";

  private PodDiagnosis() {}

  /**
   * Every problem of the pod: at most one a container, then the scheduler's. A pod of an older
   * template has none that count.
   */
  public static List<PodProblem> problems(PodFacts pod) {
    if (!pod.current()) {
      return List.of();
    }
    List<PodProblem> problems = new ArrayList<>();
    for (ContainerFacts container : pod.containers()) {
      kind(container)
          .ifPresent(kind -> problems.add(new PodProblem(kind, pod.podName(), message(container))));
    }
    if (pod.unschedulableMessage() != null) {
      problems.add(
          new PodProblem(PodProblemKind.UNSCHEDULABLE, pod.podName(), pod.unschedulableMessage()));
    }
    return List.copyOf(problems);
  }

  private static Optional<PodProblemKind> kind(ContainerFacts container) {
    Optional<PodProblemKind> image = imageProblem(container);
    boolean crashLooping = CRASH_LOOP.equals(container.waitingReason());
    if (container.init()) {
      return image.isPresent() || crashLooping || exitedWithError(container)
          ? Optional.of(PodProblemKind.INIT_FAILED)
          : Optional.empty();
    }
    if (image.isPresent()) {
      return image;
    }
    return crashLooping || (exitedWithError(container) && container.restartCount() > 0)
        ? Optional.of(PodProblemKind.CRASH_LOOP)
        : Optional.empty();
  }

  private static Optional<PodProblemKind> imageProblem(ContainerFacts container) {
    String reason = container.waitingReason();
    if (reason == null) {
      return Optional.empty();
    }
    if (INVALID_IMAGE.equals(reason)) {
      return Optional.of(PodProblemKind.IMAGE_INVALID);
    }
    return IMAGE_PULL_FAILURES.contains(reason)
        ? Optional.of(PodProblemKind.IMAGE_PULL)
        : Optional.empty();
  }

  private static boolean exitedWithError(ContainerFacts container) {
    Integer exitCode = container.terminatedExitCode();
    return exitCode != null && exitCode != 0;
  }

  private static String message(ContainerFacts container) {
    String reported = reported(container);
    // The user chose the model image, not the storage initializer's: say whose image it is.
    return container.init() && imageProblem(container).isPresent()
        ? "the storage initializer image (init container \"" + container.name()
            + "\") cannot be used: " + reported
        : reported;
  }

  /** Kubernetes' own words, or a sentence in their place where a state carries no message. */
  private static String reported(ContainerFacts container) {
    if (container.waitingReason() != null) {
      return container.waitingMessage() != null
          ? container.waitingMessage()
          : "container \"" + container.name() + "\" is waiting: " + container.waitingReason();
    }
    String cause =
        container.terminatedReason() == null ? "" : " (" + container.terminatedReason() + ")";
    return "container \"" + container.name() + "\" exited with code "
        + container.terminatedExitCode() + cause + " after "
        + Words.count(container.restartCount(), "restart");
  }
}
