package io.primehub.phdeploy.core.quota;

import java.util.function.ToLongFunction;

/**
 * An amount of the three resources a group's quota limits, in the units Kubernetes counts
 * exactly: CPU in millicores, memory in bytes, GPUs in whole devices.
 *
 * @param cpuMillis CPU in thousandths of a core
 * @param memoryBytes memory in bytes
 * @param gpu GPU devices
 */
public record Resources(long cpuMillis, long memoryBytes, long gpu) {

  /** Nothing. */
  public static final Resources ZERO = new Resources(0, 0, 0);

  /** The amount whose part of each resource is {@code amountOf} that resource. */
  public static Resources from(ToLongFunction<ResourceKind> amountOf) {
    return new Resources(
        amountOf.applyAsLong(ResourceKind.CPU),
        amountOf.applyAsLong(ResourceKind.MEMORY),
        amountOf.applyAsLong(ResourceKind.GPU));
  }

  /** This amount plus another. */
  public Resources plus(Resources other) {
    return new Resources(
        Math.addExact(cpuMillis, other.cpuMillis),
        Math.addExact(memoryBytes, other.memoryBytes),
        Math.addExact(gpu, other.gpu));
  }

  /** This amount minus another; parts may become negative. */
  public Resources minus(Resources other) {
    return new Resources(
        Math.subtractExact(cpuMillis, other.cpuMillis),
        Math.subtractExact(memoryBytes, other.memoryBytes),
        Math.subtractExact(gpu, other.gpu));
  }

  /** This amount {@code factor} times, for example per pod times replicas. */
  public Resources times(int factor) {
    return new Resources(
        Math.multiplyExact(cpuMillis, factor),
        Math.multiplyExact(memoryBytes, factor),
        Math.multiplyExact(gpu, factor));
  }

  /** Whether no part of this amount exceeds the same part of {@code other}. */
  public boolean fitsWithin(Resources other) {
    return cpuMillis <= other.cpuMillis && memoryBytes <= other.memoryBytes && gpu <= other.gpu;
  }

  @Override
  public String toString() {
    return "cpu " + Quantities.formatCpu(cpuMillis)
        + ", memory " + Quantities.formatMemory(memoryBytes)
        + ", gpu " + gpu;
  }
}
