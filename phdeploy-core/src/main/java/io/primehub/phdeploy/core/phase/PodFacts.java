package io.primehub.phdeploy.core.phase;

import io.primehub.phdeploy.core.Nullable;
import java.util.List;
import org.immutables.value.Value;

/** What a pod of a deployment reports about itself, reduced to what its diagnosis needs. */
@Value.Immutable
public interface PodFacts {

  /** The pod's name. */
  String podName();

  /** Its init and main containers, in the order the pod lists them. */
  List<ContainerFacts> containers();

  /**
   * The scheduler's message when condition {@code PodScheduled} is {@code False} with reason
   * {@code Unschedulable}, for example {@code 0/3 nodes are available: 3 Insufficient cpu.};
   * otherwise null.
   */
  @Nullable
  String unschedulableMessage();

  /** Whether condition {@code Ready} is {@code True}; {@code false} unless set. */
  @Value.Default
  default boolean ready() {
    return false;
  }

  /**
   * Whether the pod runs the deployment's current pod template; {@code true} unless set. A pod
   * of an older template is being replaced (a rollout, a rollback), so its problems say nothing
   * about what the deployment runs now.
   */
  @Value.Default
  default boolean current() {
    return true;
  }

  /** A builder. */
  static ImmutablePodFacts.Builder builder() {
    return ImmutablePodFacts.builder();
  }
}
