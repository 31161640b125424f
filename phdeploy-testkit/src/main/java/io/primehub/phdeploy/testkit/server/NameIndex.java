package io.primehub.phdeploy.testkit.server;

import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stored objects by kind and name, with their current state. Changed only by the store's
 * single writer; read by any thread without a lock, because each kind and name holds an
 * unmodifiable snapshot that a change replaces as a whole.
 */
final class NameIndex {

  private final Map<ObjectName, Map<AttributeSet, String>> byName = new ConcurrentHashMap<>();

  /**
   * The first stored object of this kind and name that matches the query, in the order the
   * store keeps them (the order in which they were last written).
   */
  Optional<Map.Entry<AttributeSet, String>> find(ObjectName name, AttributeSet query) {
    return byName.getOrDefault(name, Map.of()).entrySet().stream()
        .filter(entry -> entry.getKey().matches(query))
        .findFirst()
        .map(entry -> Map.entry(entry.getKey(), entry.getValue()));
  }

  /**
   * Stores a new state under its key, in place of the one under the old key (null for a create).
   * A reader sees the old state or the new one, never neither.
   */
  void replace(AttributeSet oldKey, AttributeSet newKey, String newState) {
    ObjectName.of(newKey).ifPresent(name -> byName.compute(name, (n, states) -> {
      Map<AttributeSet, String> changed = copy(states);
      if (oldKey != null) {
        changed.remove(oldKey);
      }
      changed.put(newKey, newState);
      return Collections.unmodifiableMap(changed);
    }));
    if (oldKey != null && !ObjectName.of(oldKey).equals(ObjectName.of(newKey))) {
      remove(oldKey);
    }
  }

  /** Forgets the object stored under this key. */
  void remove(AttributeSet key) {
    if (key == null) {
      return;
    }
    ObjectName.of(key).ifPresent(name -> byName.computeIfPresent(name, (n, states) -> {
      Map<AttributeSet, String> changed = copy(states);
      changed.remove(key);
      return changed.isEmpty() ? null : Collections.unmodifiableMap(changed);
    }));
  }

  void clear() {
    byName.clear();
  }

  private static Map<AttributeSet, String> copy(Map<AttributeSet, String> states) {
    return states == null ? new LinkedHashMap<>() : new LinkedHashMap<>(states);
  }
}
