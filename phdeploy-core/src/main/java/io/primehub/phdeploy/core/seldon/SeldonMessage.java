package io.primehub.phdeploy.core.seldon;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.primehub.phdeploy.core.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A request to or a response from a prediction endpoint: Seldon's {@code SeldonMessage}. It
 * carries at most one payload ({@link #data()}, {@link #strData()}, {@link #jsonData()} or
 * {@link #binData()}), as the protocol's {@code oneof} says, and optionally {@link #meta()} and
 * a {@link #status()}. Empty payloads are written as they are, since an empty text or JSON value
 * is an answer; other empty values are left out.
 *
 * <p>The {@link JsonNode} values are shared, not copied: treat them as read-only.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSeldonMessage.class)
@JsonDeserialize(as = ImmutableSeldonMessage.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public interface SeldonMessage {

  /** Numeric or named data: an ndarray or a tensor. */
  @JsonProperty("data")
  @Nullable
  SeldonData data();

  /** A text payload. */
  @JsonProperty("strData")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Nullable
  String strData();

  /** A free-form JSON payload. */
  @JsonProperty("jsonData")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Nullable
  JsonNode jsonData();

  /** A binary payload, base64-encoded. */
  @JsonProperty("binData")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Nullable
  String binData();

  /** Request id, tags, routing and metrics. */
  @JsonProperty("meta")
  @Nullable
  SeldonMeta meta();

  /** Whether the call succeeded; responses that fail carry it. */
  @JsonProperty("status")
  @Nullable
  SeldonStatus status();

  /**
   * Rejects a message with more than one payload.
   *
   * @throws IllegalArgumentException naming the payloads present
   */
  @Value.Check
  default void check() {
    Map<String, Object> payloads = new LinkedHashMap<>();
    payloads.put("data", data());
    payloads.put("strData", strData());
    payloads.put("jsonData", jsonData());
    payloads.put("binData", binData());
    payloads.values().removeIf(payload -> payload == null);
    if (payloads.size() > 1) {
      throw new IllegalArgumentException(
          "a message carries at most one of data, strData, jsonData and binData, got "
              + String.join(" and ", payloads.keySet()));
    }
  }

  /**
   * Data as rows of an ndarray, for example {@code List.of(List.of(0.97))}.
   *
   * @param rows the rows; their elements may be numbers, text, booleans or nested lists
   * @throws IllegalArgumentException if an element cannot be written as JSON
   */
  static SeldonMessage ofNdarray(List<? extends List<?>> rows) {
    return ofNdarray(List.of(), rows);
  }

  /**
   * Data as rows of an ndarray with the names of its columns.
   *
   * @param names the column names
   * @param rows the rows; their elements may be numbers, text, booleans or nested lists
   * @throws IllegalArgumentException if an element cannot be written as JSON
   */
  static SeldonMessage ofNdarray(List<String> names, List<? extends List<?>> rows) {
    return ofData(SeldonData.builder().names(names).ndarray(SeldonJson.toTree(rows)).build());
  }

  /**
   * Data as a tensor: values in row-major order and the shape they fill.
   *
   * @throws IllegalArgumentException if the shape does not hold exactly the values given
   */
  static SeldonMessage ofTensor(List<Integer> shape, List<Double> values) {
    return ofData(SeldonData.builder().tensor(Tensor.of(shape, values)).build());
  }

  /** A text payload. */
  static SeldonMessage ofStrData(String text) {
    return builder().strData(text).build();
  }

  /** A failed call: a status with this code and information, for example 400 and its cause. */
  static SeldonMessage failure(int code, String info) {
    return builder().status(SeldonStatus.failure(code, info)).build();
  }

  /** A builder. */
  static ImmutableSeldonMessage.Builder builder() {
    return ImmutableSeldonMessage.builder();
  }

  private static SeldonMessage ofData(SeldonData data) {
    return builder().data(data).build();
  }
}
