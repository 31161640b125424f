package io.primehub.phdeploy.k8s.controller.processing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.HistoryRecord;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.model.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A JSON Patch (RFC 6902) of a deployment's status subresource that changes exactly what
 * differs: each status field that changed, and the history's newest record and the old records
 * it pushes out, by index. The history itself never needs to be in memory.
 */
public final class StatusPatch {

  /** The status fields the controller owns, in the order the patch touches them. */
  static final List<String> OWNED_FIELDS = List.of(
      "phase", "reason", "message", "replicas", "availableReplicas", "endpoint",
      "observedGeneration", "conditions");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ArrayNode operations = NODES.arrayNode();

  private StatusPatch() {}

  /**
   * The patch from the stored status to the next one.
   *
   * @param stored the status as stored, without history, or {@code null} when there is none
   * @param history the summary of the stored history
   * @param next the next status, without history
   * @param newRecord the record to put first, or {@code null} when the spec did not change
   * @param retained how many stored records survive the new one
   */
  public static StatusPatch between(
      @Nullable JsonNode stored,
      HistorySummary history,
      PhDeploymentStatus next,
      @Nullable HistoryRecord newRecord,
      int retained) {
    StatusPatch patch = new StatusPatch();
    ObjectNode nextTree = parsed(next);
    if (stored == null || !stored.isObject()) {
      if (newRecord != null) {
        nextTree.set("history", NODES.arrayNode().add(tree(newRecord)));
      }
      patch.add("/status", nextTree);
      return patch;
    }
    for (String field : OWNED_FIELDS) {
      JsonNode before = stored.get(field);
      JsonNode after = nextTree.get(field);
      if (after == null && before != null) {
        patch.remove("/status/" + field);
      } else if (after != null && !after.equals(before)) {
        patch.add("/status/" + field, after);
      }
    }
    if (newRecord != null) {
      patch.prepend(history, tree(newRecord), retained);
    }
    return patch;
  }

  /**
   * Makes the patch apply only to the object at this resource version; at any other the server
   * answers 409 Conflict, as it does to an update. A patch that records a spec needs this: it
   * inserts and removes history records by index, counted in the version it was computed from,
   * so applied to a newer version (one this controller's cache has not seen yet, such as a
   * write a stopped instance made just before) it would record the same spec twice or remove
   * the wrong records.
   */
  public StatusPatch onlyAt(String resourceVersion) {
    if (!isEmpty()) {
      operations.insertObject(0).put("op", "replace").put("path", "/metadata/resourceVersion")
          .put("value", resourceVersion);
    }
    return this;
  }

  /** Whether the patch changes nothing, so that no request is needed. */
  public boolean isEmpty() {
    return operations.isEmpty();
  }

  /** The patch document. */
  public String toJson() {
    return operations.toString();
  }

  /** How many operations the patch holds. */
  public int size() {
    return operations.size();
  }

  private void prepend(HistorySummary history, JsonNode record, int retained) {
    if (history.count() == 0) {
      add("/status/history", NODES.arrayNode().add(record));
      return;
    }
    add("/status/history/0", record);
    // After the insert, stored record i sits at index i + 1; drop from the oldest down.
    for (int index = history.count(); index > retained; index--) {
      remove("/status/history/" + index);
    }
  }

  private void add(String path, JsonNode value) {
    operations.addObject().put("op", "add").put("path", path).set("value", value);
  }

  private void remove(String path) {
    operations.addObject().put("op", "remove").put("path", path);
  }

  private static JsonNode tree(HistoryRecord record) {
    return WireJson.mapper().valueToTree(record);
  }

  /**
   * The status as a tree parsed from its JSON, as the stored status is: Jackson tells an
   * {@code int} 1 from a {@code long} 1 in trees, and a {@code Long} field converted directly
   * would differ from the same number read from the API server.
   */
  private static ObjectNode parsed(PhDeploymentStatus status) {
    try {
      return (ObjectNode) WireJson.mapper().readTree(WireJson.bytes(status));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back a status just written", e);
    }
  }
}
