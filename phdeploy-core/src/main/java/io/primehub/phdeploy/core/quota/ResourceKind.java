package io.primehub.phdeploy.core.quota;

import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.catalog.ResourceQuantities;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * One of the three resources a group's quota limits, with the unit Kubernetes counts it in. Code
 * that treats CPU, memory and GPU alike goes through this type once instead of three times.
 */
public enum ResourceKind {
  /** CPU, counted in millicores. */
  CPU("cpu", Quantities::cpuMillis, Quantities::formatCpu, Resources::cpuMillis,
      ResourceQuantities::cpu),
  /** Memory, counted in bytes. */
  MEMORY("memory", Quantities::bytes, Quantities::formatMemory, Resources::memoryBytes,
      ResourceQuantities::memory),
  /** GPUs, counted as whole devices. */
  GPU("gpu", Quantities::count, Long::toString, Resources::gpu, ResourceQuantities::gpu);

  private final String wireName;
  private final ToLongFunction<String> parser;
  private final LongFunction<String> formatter;
  private final ToLongFunction<Resources> amount;
  private final Function<ResourceQuantities, String> quantity;

  ResourceKind(
      String wireName,
      ToLongFunction<String> parser,
      LongFunction<String> formatter,
      ToLongFunction<Resources> amount,
      Function<ResourceQuantities, String> quantity) {
    this.wireName = wireName;
    this.parser = parser;
    this.formatter = formatter;
    this.amount = amount;
    this.quantity = quantity;
  }

  /** The name the catalog and Kubernetes use: {@code cpu}, {@code memory} or {@code gpu}. */
  public String wireName() {
    return wireName;
  }

  /**
   * A quantity of this resource in its unit, for example {@code 500m} of CPU as 500.
   *
   * @throws IllegalArgumentException naming this resource if the text is no quantity, is
   *     negative or is too large
   */
  public long parse(String text) {
    try {
      return parser.applyAsLong(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(wireName + ": " + e.getMessage(), e);
    }
  }

  /** An amount of this resource as a person reads it: {@code 1500m}, {@code 2Gi}, {@code 1}. */
  public String format(long value) {
    return formatter.apply(value);
  }

  /** This resource's part of an amount. */
  public long amountIn(Resources resources) {
    return amount.applyAsLong(resources);
  }

  /** This resource's quantity as the catalog writes it, or {@code null} where it is absent. */
  public @Nullable String quantityIn(ResourceQuantities quantities) {
    return quantity.apply(quantities);
  }

  /**
   * The resource of this wire name.
   *
   * @throws IllegalArgumentException if the name is none of {@code cpu}, {@code memory},
   *     {@code gpu}
   */
  public static ResourceKind named(String wireName) {
    for (ResourceKind kind : values()) {
      if (kind.wireName.equals(wireName)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown resource '" + wireName + "'; expected cpu, memory or gpu");
  }
}
