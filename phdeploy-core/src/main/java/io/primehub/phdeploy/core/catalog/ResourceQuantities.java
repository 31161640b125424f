package io.primehub.phdeploy.core.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.quota.Resources;
import org.immutables.value.Value;

/**
 * CPU, memory and GPU as the catalog writes them: Kubernetes quantities, each possibly absent.
 * What an absent value means is the user's to say: no limit in a quota, nothing in a request.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableResourceQuantities.class)
@JsonDeserialize(as = ImmutableResourceQuantities.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public interface ResourceQuantities {

  /** CPU cores, for example {@code 1}, {@code 500m}. */
  @JsonProperty("cpu")
  @Nullable
  String cpu();

  /** Memory, for example {@code 2Gi}. */
  @JsonProperty("memory")
  @Nullable
  String memory();

  /** GPU devices. */
  @JsonProperty("gpu")
  @Nullable
  String gpu();

  /**
   * The amounts, an absent value counting as zero.
   *
   * @throws IllegalArgumentException naming the resource if a value is no quantity, is negative
   *     or is too large
   */
  @JsonIgnore
  default Resources toResources() {
    return Resources.from(
        kind -> {
          String quantity = kind.quantityIn(this);
          return quantity == null ? 0 : kind.parse(quantity);
        });
  }

  /** Whether no value is set. */
  @JsonIgnore
  default boolean isEmpty() {
    return cpu() == null && memory() == null && gpu() == null;
  }

  /** Quantities with the given values; {@code null} leaves one absent. */
  static ResourceQuantities of(
      @Nullable String cpu, @Nullable String memory, @Nullable String gpu) {
    return ImmutableResourceQuantities.builder().cpu(cpu).memory(memory).gpu(gpu).build();
  }

  /** No value at all. */
  static ResourceQuantities none() {
    return ImmutableResourceQuantities.builder().build();
  }
}
