package io.primehub.phdeploy.core.phase;

import java.util.Objects;

/**
 * One thing wrong with one pod, as Kubernetes reports it.
 *
 * @param kind what kind of trouble it is
 * @param podName the pod's name
 * @param message what Kubernetes says, for example {@code Back-off pulling image "x"} or {@code
 *     0/3 nodes are available: 3 Insufficient cpu.}
 */
public record PodProblem(PodProblemKind kind, String podName, String message) {

  /** A problem; every part is required. */
  public PodProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(podName, "podName");
    Objects.requireNonNull(message, "message");
  }
}
