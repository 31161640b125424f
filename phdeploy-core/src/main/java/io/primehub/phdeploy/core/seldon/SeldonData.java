package io.primehub.phdeploy.core.seldon;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.DoubleNode;
import io.primehub.phdeploy.core.Nullable;
import java.util.List;
import org.immutables.value.Value;

/**
 * The {@code data} of a message: an ndarray (nested JSON arrays of any values) or a tensor
 * (a shape and doubles), with optional column names. At most one of the two is present.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSeldonData.class)
@JsonDeserialize(as = ImmutableSeldonData.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public interface SeldonData {

  /** The names of the columns. */
  @JsonProperty("names")
  List<String> names();

  /** Nested arrays, rows first; an empty array is a batch of no rows and is kept. */
  @JsonProperty("ndarray")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Nullable
  JsonNode ndarray();

  /** A tensor. */
  @JsonProperty("tensor")
  @Nullable
  Tensor tensor();

  /**
   * Rejects data that holds both an ndarray and a tensor.
   *
   * @throws IllegalArgumentException if both are present
   */
  @Value.Check
  default void check() {
    if (ndarray() != null && tensor() != null) {
      throw new IllegalArgumentException("data holds at most one of ndarray and tensor, got both");
    }
  }

  /**
   * The rows, whichever form the data takes: the elements of the ndarray, each of which must be
   * an array, or the tensor's values split into {@code shape[0]} rows.
   *
   * @throws IllegalArgumentException if there is neither ndarray nor tensor, the ndarray is not
   *     an array of arrays, or the tensor is a scalar
   */
  default List<List<JsonNode>> rows() {
    JsonNode ndarray = ndarray();
    if (ndarray != null) {
      return NdArrays.rows(ndarray);
    }
    Tensor tensor = tensor();
    if (tensor == null) {
      throw new IllegalArgumentException("data holds neither an ndarray nor a tensor");
    }
    return tensor.rows().stream()
        .map(row -> row.stream().<JsonNode>map(DoubleNode::valueOf).toList())
        .toList();
  }

  /**
   * The ndarray as rows of numbers.
   *
   * @throws IllegalArgumentException if there is no ndarray, or it is not an array of arrays of
   *     numbers; the message names the first offending element
   */
  default List<List<Double>> ndarrayAsDoubles() {
    JsonNode ndarray = ndarray();
    if (ndarray == null) {
      throw new IllegalArgumentException(
          "data holds no ndarray" + (tensor() == null ? "" : " but a tensor"));
    }
    return NdArrays.doubles(ndarray);
  }

  /** A builder. */
  static ImmutableSeldonData.Builder builder() {
    return ImmutableSeldonData.builder();
  }
}
