package io.primehub.phdeploy.testkit.sim.gc;

import io.primehub.phdeploy.testkit.server.StoredObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who owns what among the objects the API server stores, by uid, kept up to date from every
 * change the server makes, as the real garbage collector keeps its graph from its informers.
 */
final class OwnershipGraph {

  private final Map<String, StoredObject> live = new HashMap<>();
  private final Map<String, Set<String>> dependents = new HashMap<>();
  private final Set<String> gone = new HashSet<>();

  /**
   * Notes an object as it now is, with its owners.
   *
   * @return whether every owner it names was already deleted (a client that created it from a
   *     stale view of its owner): the object to delete now
   */
  synchronized boolean stored(StoredObject object) {
    StoredObject before = live.put(object.uid(), object);
    if (before != null) {
      before.ownerUids().forEach(owner -> unlink(owner, object.uid()));
    }
    object.ownerUids().forEach(
        owner -> dependents.computeIfAbsent(owner, o -> new HashSet<>()).add(object.uid()));
    return !object.ownerUids().isEmpty() && gone.containsAll(object.ownerUids());
  }

  /**
   * Notes that an object is gone.
   *
   * @return what it owned that no live owner holds any more: the objects to delete now
   */
  synchronized List<StoredObject> deleted(StoredObject object) {
    live.remove(object.uid());
    gone.add(object.uid());
    object.ownerUids().forEach(owner -> unlink(owner, object.uid()));
    Set<String> owned = Objects.requireNonNullElse(dependents.remove(object.uid()), Set.of());
    return owned.stream()
        .map(live::get)
        .filter(Objects::nonNull)
        .filter(dependent -> dependent.ownerUids().stream().noneMatch(live::containsKey))
        .toList();
  }

  /** Whether the object of this uid exists, so that its name still stands for it. */
  synchronized boolean live(String uid) {
    return live.containsKey(uid);
  }

  private void unlink(String owner, String dependent) {
    Set<String> owned = dependents.get(owner);
    if (owned != null) {
      owned.remove(dependent);
    }
  }
}
