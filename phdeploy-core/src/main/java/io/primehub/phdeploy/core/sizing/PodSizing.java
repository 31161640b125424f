package io.primehub.phdeploy.core.sizing;

import io.primehub.phdeploy.core.catalog.InstanceType;
import io.primehub.phdeploy.core.quota.Resources;
import java.util.Objects;

/**
 * The split of one instance type between the model container and the Seldon engine container,
 * limits and requests separately, such that model plus engine is exactly the instance type.
 *
 * <p>The engine gets its slice of CPU and memory, but never more than a quarter of the instance
 * type, so that a small instance type still leaves most of the pod to the model. All GPUs go to
 * the model. Because a container's share is the instance type minus a non-decreasing fraction of
 * it, a container's request never exceeds its limit when the instance type's does not.
 *
 * <p>An amount of zero means the instance type does not set that resource; the container then
 * leaves it unset too.
 *
 * @param modelLimits the model container's limits
 * @param modelRequests the model container's requests
 * @param engineLimits the engine container's limits
 * @param engineRequests the engine container's requests
 */
public record PodSizing(
    Resources modelLimits,
    Resources modelRequests,
    Resources engineLimits,
    Resources engineRequests) {

  /**
   * What the init container that fetches a model may use at most, before it is capped to the
   * model container's share: enough to unpack a model archive without slowing the copy down.
   */
  public static final Resources INIT_LIMITS = new Resources(1000, 1L << 30, 0);

  /** What the init container is guaranteed, before it is capped to the model container's share. */
  public static final Resources INIT_REQUESTS = new Resources(100, 100L << 20, 0);

  /** The engine never takes more than one part in this many of the instance type. */
  private static final int ENGINE_MAX_FRACTION = 4;

  /** A split; every part is required. */
  public PodSizing {
    Objects.requireNonNull(modelLimits, "modelLimits");
    Objects.requireNonNull(modelRequests, "modelRequests");
    Objects.requireNonNull(engineLimits, "engineLimits");
    Objects.requireNonNull(engineRequests, "engineRequests");
  }

  /**
   * Splits an instance type between the model and an engine that wants {@code engineSlice}; the
   * slice's GPU part is ignored.
   *
   * @throws IllegalArgumentException if the slice is negative or the instance type holds a value
   *     that is no quantity
   */
  public static PodSizing split(InstanceType instanceType, Resources engineSlice) {
    if (engineSlice.cpuMillis() < 0 || engineSlice.memoryBytes() < 0) {
      throw new IllegalArgumentException("the engine slice must not be negative: " + engineSlice);
    }
    Resources limits = instanceType.limits().toResources();
    Resources requests = instanceType.effectiveRequests().toResources();
    Resources engineLimits = engineShare(limits, engineSlice);
    Resources engineRequests = engineShare(requests, engineSlice);
    return new PodSizing(
        limits.minus(engineLimits), requests.minus(engineRequests), engineLimits, engineRequests);
  }

  /** The limits of the pod's main containers together: the instance type's limits. */
  public Resources podLimits() {
    return modelLimits.plus(engineLimits);
  }

  /** The requests of the pod's main containers together: the instance type's requests. */
  public Resources podRequests() {
    return modelRequests.plus(engineRequests);
  }

  /**
   * The init container's limits: {@link #INIT_LIMITS}, capped to the model's. Kubernetes counts a
   * pod as the larger of its largest init container and the sum of its main containers, so an
   * init container no larger than the model container leaves the pod's size unchanged.
   */
  public Resources initLimits() {
    return atMost(INIT_LIMITS, modelLimits);
  }

  /** The init container's requests: {@link #INIT_REQUESTS}, capped to the model's. */
  public Resources initRequests() {
    return atMost(INIT_REQUESTS, modelRequests);
  }

  private static Resources engineShare(Resources pod, Resources slice) {
    return new Resources(
        Math.min(slice.cpuMillis(), pod.cpuMillis() / ENGINE_MAX_FRACTION),
        Math.min(slice.memoryBytes(), pod.memoryBytes() / ENGINE_MAX_FRACTION),
        0);
  }

  private static Resources atMost(Resources wanted, Resources cap) {
    return new Resources(
        Math.min(wanted.cpuMillis(), cap.cpuMillis()),
        Math.min(wanted.memoryBytes(), cap.memoryBytes()),
        Math.min(wanted.gpu(), cap.gpu()));
  }
}
