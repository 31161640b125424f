package io.primehub.phdeploy.testkit.sim.kubelet;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How containers of an image behave once started. By default a container runs and is ready at
 * once. A crashing image exits with its code soon after it starts, again after every restart;
 * a slow image becomes ready only once the cluster's clock has moved its readiness delay past the
 * container's start. Rules apply when a container (re)starts.
 */
public final class Images {

  private final Map<String, Integer> crashes = new ConcurrentHashMap<>();
  private final Map<String, Duration> readinessDelays = new ConcurrentHashMap<>();
  private final Runnable onChange;

  /**
   * Every image healthy.
   *
   * @param onChange called after every change, so that containers waiting to restart try again
   */
  public Images(Runnable onChange) {
    this.onChange = onChange;
  }

  /** Makes containers of this image exit with this code soon after they start. */
  public Images crash(String image, int exitCode) {
    crashes.put(image, exitCode);
    onChange.run();
    return this;
  }

  /**
   * Makes containers of this image ready only once the cluster's clock is this long past their
   * start; with a manual clock, moving it is what makes them ready.
   */
  public Images readinessDelay(String image, Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("a readiness delay must not be negative, got " + delay);
    }
    readinessDelays.put(image, Objects.requireNonNull(delay, "delay"));
    onChange.run();
    return this;
  }

  /** Forgets every rule about this image: its containers start and are ready at once again. */
  public Images healthy(String image) {
    crashes.remove(image);
    readinessDelays.remove(image);
    onChange.run();
    return this;
  }

  /** The exit code containers of this image crash with, or empty if they do not crash. */
  public OptionalInt crashExitCode(String image) {
    Integer code = crashes.get(image);
    return code == null ? OptionalInt.empty() : OptionalInt.of(code);
  }

  /** How long after their start containers of this image become ready. */
  public Duration readinessDelayOf(String image) {
    return readinessDelays.getOrDefault(image, Duration.ZERO);
  }
}
