package io.primehub.phdeploy.testkit.sim.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.primehub.phdeploy.core.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * One container of a pod as the kubelet runs it: pulled, started, running, exited, backing off
 * before a restart. Each {@link #advance} moves it at most one stage on, so that every stage
 * shows in the pod's status; the status write that follows brings the next step.
 */
final class ContainerRun {

  private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(10);
  private static final Duration MAX_BACK_OFF = Duration.ofMinutes(5);

  /** Where the container stands. */
  enum Stage {
    CREATING, PULL_ERROR, PULL_BACK_OFF, INVALID_IMAGE, RUNNING, EXITED, CRASH_BACK_OFF, COMPLETED
  }

  private final Container spec;
  private final boolean init;
  private Stage stage = Stage.CREATING;
  private String waitingMessage = "";
  private int restartCount;
  private @Nullable Instant startedAt;
  private @Nullable Instant readyAt;
  private OptionalInt pendingExit = OptionalInt.empty();
  private @Nullable ContainerStateTerminated terminated;
  private @Nullable ContainerStateTerminated lastTerminated;
  private @Nullable Instant backOffUntil;
  private String containerId = "";

  ContainerRun(Container spec, boolean init) {
    this.spec = spec;
    this.init = init;
  }

  /**
   * The run of a container its status reports as done (an init container that completed) or
   * running and ready (any other); empty for a container in any other state.
   */
  static Optional<ContainerRun> resume(Container spec, boolean init, ContainerStatus status) {
    ContainerState state = status.getState();
    ContainerRun run = new ContainerRun(spec, init);
    if (init && state.getTerminated() != null && state.getTerminated().getExitCode() == 0) {
      run.stage = Stage.COMPLETED;
      run.terminated = state.getTerminated();
      run.startedAt = Instant.parse(state.getTerminated().getStartedAt());
    } else if (!init && state.getRunning() != null && Boolean.TRUE.equals(status.getReady())) {
      run.stage = Stage.RUNNING;
      run.startedAt = Instant.parse(state.getRunning().getStartedAt());
      run.readyAt = run.startedAt;
    } else {
      return Optional.empty();
    }
    run.containerId = Objects.requireNonNullElse(status.getContainerID(), "");
    run.restartCount = Objects.requireNonNullElse(status.getRestartCount(), 0);
    run.lastTerminated =
        status.getLastState() == null ? null : status.getLastState().getTerminated();
    return Optional.of(run);
  }

  String name() {
    return spec.getName();
  }

  /** Whether an init container finished its work, so that the next may start. */
  boolean completed() {
    return stage == Stage.COMPLETED;
  }

  /** Whether the container has ever run, which makes its pod {@code Running}. */
  boolean hasStarted() {
    return startedAt != null;
  }

  boolean ready(Instant now) {
    if (init) {
      return completed();
    }
    return stage == Stage.RUNNING && pendingExit.isEmpty() && readyAt != null
        && !now.isBefore(readyAt);
  }

  /**
   * Moves the container one stage on.
   *
   * @return when it must be looked at again because of the clock, if it must
   */
  Optional<Instant> advance(Environment env, Instant now) {
    return switch (stage) {
      case CREATING, PULL_ERROR, PULL_BACK_OFF -> pullAndStart(env, now);
      case RUNNING -> run(env, now);
      case EXITED -> backOff(env, now);
      case CRASH_BACK_OFF ->
          now.isBefore(backOffUntil) ? Optional.of(backOffUntil) : start(env, now);
      case INVALID_IMAGE, COMPLETED -> Optional.empty();
    };
  }

  /** The container's status at this instant, for the pod's status. */
  ContainerStatus status(Instant now, String waitingReason) {
    return new ContainerStatusBuilder()
        .withName(spec.getName())
        .withImage(spec.getImage())
        .withImageID(hasStarted() ? ImageReferences.qualified(spec.getImage()) : "")
        .withContainerID(containerId.isEmpty() ? null : containerId)
        .withReady(ready(now))
        .withStarted(init ? null : stage == Stage.RUNNING)
        .withRestartCount(restartCount)
        .withState(state(waitingReason))
        .withLastState(lastTerminated == null
            ? new ContainerState()
            : new ContainerStateBuilder().withTerminated(lastTerminated).build())
        .build();
  }

  private ContainerState state(String creatingReason) {
    ContainerStateBuilder state = new ContainerStateBuilder();
    return switch (stage) {
      case CREATING -> state.withNewWaiting().withReason(creatingReason).endWaiting().build();
      case PULL_ERROR -> waiting(state, "ErrImagePull");
      case PULL_BACK_OFF -> waiting(state, "ImagePullBackOff");
      case INVALID_IMAGE -> waiting(state, "InvalidImageName");
      case CRASH_BACK_OFF -> waiting(state, "CrashLoopBackOff");
      case RUNNING -> state.withNewRunning().withStartedAt(time(startedAt)).endRunning().build();
      case EXITED, COMPLETED -> state.withTerminated(terminated).build();
    };
  }

  private ContainerState waiting(ContainerStateBuilder state, String reason) {
    return state.withNewWaiting()
        .withReason(reason)
        .withMessage(waitingMessage)
        .endWaiting()
        .build();
  }

  private Optional<Instant> pullAndStart(Environment env, Instant now) {
    PullResult pull = env.registry().pull(spec.getImage(), env.pullSecrets());
    if (pull.pulled()) {
      return start(env, now);
    }
    if (pull.invalidName()) {
      stage = Stage.INVALID_IMAGE;
      waitingMessage = pull.message();
    } else if (stage == Stage.CREATING) {
      stage = Stage.PULL_ERROR;
      waitingMessage = pull.message();
    } else {
      stage = Stage.PULL_BACK_OFF;
      waitingMessage = "Back-off pulling image \"" + spec.getImage() + "\"";
    }
    return Optional.empty();
  }

  private Optional<Instant> start(Environment env, Instant now) {
    containerId = "containerd://" + (UUID.randomUUID() + "" + UUID.randomUUID()).replace("-", "");
    startedAt = now;
    return init ? initialize(env, now) : runMain(env, now);
  }

  private Optional<Instant> initialize(Environment env, Instant now) {
    List<String> args = spec.getArgs();
    Optional<String> failing = name().equals(ModelStorage.INITIALIZER)
        ? env.storage().failingUri(args)
        : Optional.empty();
    if (failing.isPresent()) {
      LogLines.modelCopyFailed(failing.get()).forEach(line -> env.log().append(name(), line));
      exit(1, "Error", now);
    } else {
      if (name().equals(ModelStorage.INITIALIZER)) {
        LogLines.modelCopied(args).forEach(line -> env.log().append(name(), line));
      }
      terminated = terminatedState(0, "Completed", now);
      stage = Stage.COMPLETED;
    }
    return Optional.empty();
  }

  private Optional<Instant> runMain(Environment env, Instant now) {
    LogLines.started(spec).forEach(line -> env.log().append(name(), line));
    stage = Stage.RUNNING;
    pendingExit = env.images().crashExitCode(spec.getImage());
    readyAt = now.plus(env.images().readinessDelayOf(spec.getImage()));
    return pendingExit.isEmpty() && readyAt.isAfter(now) ? Optional.of(readyAt) : Optional.empty();
  }

  private Optional<Instant> run(Environment env, Instant now) {
    if (pendingExit.isPresent()) {
      env.log().append(name(), LogLines.exited(spec, pendingExit.getAsInt()));
      exit(pendingExit.getAsInt(), "Error", now);
      return Optional.empty();
    }
    return now.isBefore(readyAt) ? Optional.of(readyAt) : Optional.empty();
  }

  private void exit(int exitCode, String reason, Instant now) {
    terminated = terminatedState(exitCode, reason, now);
    pendingExit = OptionalInt.empty();
    stage = Stage.EXITED;
  }

  private Optional<Instant> backOff(Environment env, Instant now) {
    restartCount++;
    lastTerminated = terminated;
    Duration backOff = FIRST_BACK_OFF.multipliedBy(1L << Math.min(restartCount - 1, 10));
    backOff = backOff.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff;
    backOffUntil = now.plus(backOff);
    stage = Stage.CRASH_BACK_OFF;
    waitingMessage = "back-off " + goDuration(backOff) + " restarting failed container="
        + name() + " pod=" + env.podName();
    return Optional.of(backOffUntil);
  }

  private ContainerStateTerminated terminatedState(int exitCode, String reason, Instant now) {
    return new ContainerStateTerminatedBuilder()
        .withExitCode(exitCode)
        .withReason(reason)
        .withStartedAt(time(startedAt))
        .withFinishedAt(time(now))
        .withContainerID(containerId)
        .build();
  }

  /** A duration as Go prints it: {@code 10s}, {@code 1m20s}, {@code 5m0s}. */
  private static String goDuration(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds < 60 ? seconds + "s" : seconds / 60 + "m" + seconds % 60 + "s";
  }

  /** A time as Kubernetes writes it, to the second. */
  static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
