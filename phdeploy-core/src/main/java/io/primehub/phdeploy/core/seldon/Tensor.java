package io.primehub.phdeploy.core.seldon;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * A tensor of doubles: its values in row-major order and the shape they fill. The product of
 * the shape is always the number of values; an empty shape is a scalar of one value.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTensor.class)
@JsonDeserialize(as = ImmutableTensor.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public interface Tensor {

  /** The size of each dimension, outermost first. */
  @JsonProperty("shape")
  List<Integer> shape();

  /** The values, in row-major order. */
  @JsonProperty("values")
  List<Double> values();

  /**
   * Rejects a negative dimension and a shape that does not hold exactly the values.
   *
   * @throws IllegalArgumentException naming the shape and the number of values
   */
  @Value.Check
  default void check() {
    // Capped just above any list's size, so the product cannot overflow and still compares right.
    long cap = Integer.MAX_VALUE + 1L;
    long product = 1;
    for (int dimension : shape()) {
      if (dimension < 0) {
        throw new IllegalArgumentException("a tensor's shape cannot be negative, got " + shape());
      }
      product = Math.min(product * dimension, cap);
    }
    if (product != values().size()) {
      throw new IllegalArgumentException("a tensor of shape " + shape() + " holds "
          + (product == cap ? "more than " + Integer.MAX_VALUE : product) + " values, got "
          + values().size());
    }
  }

  /**
   * The values split into {@code shape[0]} rows of equal length.
   *
   * @throws IllegalArgumentException if the tensor is a scalar (its shape is empty)
   */
  default List<List<Double>> rows() {
    if (shape().isEmpty()) {
      throw new IllegalArgumentException("a scalar tensor has no rows");
    }
    int count = shape().get(0);
    int length = count == 0 ? 0 : values().size() / count;
    List<List<Double>> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(values().subList(i * length, (i + 1) * length));
    }
    return List.copyOf(rows);
  }

  /**
   * A tensor.
   *
   * @throws IllegalArgumentException if the shape does not hold exactly the values
   */
  static Tensor of(List<Integer> shape, List<Double> values) {
    return ImmutableTensor.builder().shape(shape).values(values).build();
  }
}
