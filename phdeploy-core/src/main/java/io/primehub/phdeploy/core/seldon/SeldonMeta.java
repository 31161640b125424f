package io.primehub.phdeploy.core.seldon;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.primehub.phdeploy.core.Nullable;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** The {@code meta} of a message: what the Seldon engine and the model add about a call. */
@Value.Immutable
@JsonSerialize(as = ImmutableSeldonMeta.class)
@JsonDeserialize(as = ImmutableSeldonMeta.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public interface SeldonMeta {

  /** The prediction's unique id, set by the engine. */
  @JsonProperty("puid")
  @Nullable
  String puid();

  /** Free-form tags a model attaches to its answer. */
  @JsonProperty("tags")
  Map<String, JsonNode> tags();

  /** The branch each router of the graph chose, by router name. */
  @JsonProperty("routing")
  Map<String, Integer> routing();

  /** The image each unit of the graph ran, by unit name. */
  @JsonProperty("requestPath")
  Map<String, String> requestPath();

  /** Custom metrics a model reports ({@code key}, {@code type}, {@code value}, {@code tags}). */
  @JsonProperty("metrics")
  List<JsonNode> metrics();

  /** A builder. */
  static ImmutableSeldonMeta.Builder builder() {
    return ImmutableSeldonMeta.builder();
  }
}
