package io.primehub.phdeploy.k8s.controller.processing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read-your-writes for a controller that reads only from informer caches. An object the
 * controller just wrote is remembered until the informer delivers that version or a later one;
 * until then a read prefers the remembered object over the cache's older one, so the next
 * reconcile neither writes the same change again nor trips over a stale resource version.
 *
 * @param <T> the kind of object
 */
public final class RecentWrites<T extends HasMetadata> {

  private final Map<String, T> written = new ConcurrentHashMap<>();

  /** Remembers an object as the API server answered a write of it. */
  public void wrote(String key, T object) {
    written.put(key, object);
  }

  /** Forgets a key, after the controller deleted the object. */
  public void deleted(String key) {
    written.remove(key);
  }

  /**
   * The freshest known version: the remembered write if the cache has not caught up with it,
   * else the cache's object (which may be {@code null}).
   */
  public T freshest(String key, T cached) {
    T recent = written.get(key);
    if (recent == null) {
      return cached;
    }
    if (cached != null && !isOlder(cached, recent)) {
      written.remove(key, recent);
      return cached;
    }
    return recent;
  }

  /** Tells the overlay the informer delivered a version of the object; older writes are dropped. */
  public void observed(String key, T delivered) {
    T recent = written.get(key);
    if (recent != null && (delivered == null || !isOlder(delivered, recent))) {
      written.remove(key, recent);
    }
  }

  /** How many writes the caches have not caught up with yet. */
  public int pending() {
    return written.size();
  }

  /**
   * Whether {@code a} is an older version than {@code b}. Resource versions are opaque strings;
   * where both are numbers (as every API server backed by etcd makes them) they are compared as
   * numbers, otherwise any version other than the written one counts as newer.
   */
  private static boolean isOlder(HasMetadata a, HasMetadata b) {
    String versionA = a.getMetadata().getResourceVersion();
    String versionB = b.getMetadata().getResourceVersion();
    if (versionA == null || versionB == null) {
      return false;
    }
    try {
      return Long.parseLong(versionA) < Long.parseLong(versionB);
    } catch (NumberFormatException opaque) {
      return false;
    }
  }
}
