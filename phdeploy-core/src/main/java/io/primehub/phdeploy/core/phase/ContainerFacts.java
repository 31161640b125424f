package io.primehub.phdeploy.core.phase;

import io.primehub.phdeploy.core.Nullable;
import org.immutables.value.Value;

/**
 * The state of one container of a pod, taken from its {@code containerStatuses} or {@code
 * initContainerStatuses} entry. The waiting and terminated fields describe the current {@code
 * state}, not {@code lastState}: a container that crashed once and runs again is healthy.
 */
@Value.Immutable
public interface ContainerFacts {

  /** The container's name, for example {@code model}. */
  String name();

  /** Whether it is an init container; {@code false} unless set. */
  @Value.Default
  default boolean init() {
    return false;
  }

  /** {@code state.waiting.reason}, for example {@code ImagePullBackOff}. */
  @Nullable
  String waitingReason();

  /** {@code state.waiting.message}, for example {@code Back-off pulling image "x"}. */
  @Nullable
  String waitingMessage();

  /** {@code state.terminated.exitCode}. */
  @Nullable
  Integer terminatedExitCode();

  /** {@code state.terminated.reason}, for example {@code Error} or {@code OOMKilled}. */
  @Nullable
  String terminatedReason();

  /** How many times the container has been restarted; 0 unless set. */
  @Value.Default
  default int restartCount() {
    return 0;
  }

  /** A builder. */
  static ImmutableContainerFacts.Builder builder() {
    return ImmutableContainerFacts.builder();
  }
}
