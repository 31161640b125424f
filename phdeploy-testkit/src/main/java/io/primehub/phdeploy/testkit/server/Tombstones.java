package io.primehub.phdeploy.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The deletions a watch must not miss. A real API server sends a watch every change after the
 * resource version it starts from, so an informer that lists and then watches sees an object
 * deleted between the two go. fabric8's CRUD server instead greets a new watch with the objects
 * that exist and nothing more, so such a deletion would be lost and the informer would keep the
 * object forever. The server records each deletion here, with a resource version of its own, and
 * sends a watch from an older version the {@code DELETED} events it would otherwise miss.
 *
 * <p>Only the newest deletions are kept, as a real server compacts its history: a watch from a
 * version older than the oldest one kept is refused with {@code 410 Gone}, as a real server
 * refuses a version it no longer remembers. Thread-safe.
 */
final class Tombstones {

  /** How many deletions are remembered; watches start right after a list, so few are needed. */
  static final int CAPACITY = 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A deleted object and its {@code DELETED} watch event. */
  private record Tombstone(StoredObject object, long resourceVersion, String event) {}

  private final Deque<Tombstone> newestLast = new ArrayDeque<>();
  private long forgottenUpTo;

  /**
   * Records that an object was deleted.
   *
   * @param object where the object lived
   * @param finalState the object as it was when deleted
   * @param resourceVersion the deletion's resource version, newer than every version before
   */
  synchronized void deleted(StoredObject object, JsonNode finalState, long resourceVersion) {
    ObjectNode state = finalState.deepCopy();
    state.withObjectProperty("metadata").put("resourceVersion", String.valueOf(resourceVersion));
    ObjectNode event = JSON.createObjectNode().put("type", "DELETED");
    event.set("object", state);
    newestLast.addLast(new Tombstone(object, resourceVersion, event.toString()));
    if (newestLast.size() > CAPACITY) {
      forgottenUpTo = newestLast.removeFirst().resourceVersion();
    }
  }

  /**
   * Why a watch cannot start where it asks to, if it cannot: its version is older than the
   * deletions remembered. A watch without a version, or from version 0, starts from now.
   */
  synchronized Optional<String> refusal(ApiRequest watch) {
    long from = watch.startingResourceVersion();
    return from > 0 && from < forgottenUpTo
        ? Optional.of("too old resource version: " + from + " (" + forgottenUpTo + ")")
        : Optional.empty();
  }

  /**
   * The {@code DELETED} watch events, oldest first, of the deletions that happened after the
   * version the watch starts from and that it covers. Label selectors are not read: a
   * {@code DELETED} event of an object an informer does not hold changes nothing, while a
   * missed one leaves it holding the object.
   */
  synchronized List<String> missedBy(ApiRequest watch) {
    long from = watch.startingResourceVersion();
    if (from <= 0) {
      return List.of();
    }
    return newestLast.stream()
        .filter(tombstone -> tombstone.resourceVersion() > from && covers(watch, tombstone.object()))
        .map(Tombstone::event)
        .toList();
  }

  private static boolean covers(ApiRequest watch, StoredObject object) {
    return watch.group().equals(object.group())
        && watch.resource().equals(object.resource())
        && (watch.namespace().isEmpty() || watch.namespace().equals(object.namespace()))
        && (watch.objectName().isEmpty() || watch.objectName().equals(object.name()));
  }
}
