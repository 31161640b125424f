package io.primehub.phdeploy.testkit.sim.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.primehub.phdeploy.testkit.server.StoredObject;
import io.primehub.phdeploy.testkit.server.WriteObserver;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tracks whether the simulators' informers have heard of every change the API server made to the
 * resources they watch. The server reports each change as it makes it; the informers' handlers
 * acknowledge each event after queuing the work it causes. While a change is unacknowledged, its
 * watch event is on the wire and the simulators cannot be idle.
 */
public final class Deliveries implements WriteObserver {

  private final Set<String> resources;
  private final Quiescence quiescence;
  private final Map<Key, Version> expected = new HashMap<>();
  private final Map<Key, Version> seen = new HashMap<>();

  /**
   * Tracks changes to these resources.
   *
   * @param resources plural names, such as {@code pods}
   */
  public Deliveries(Set<String> resources, Quiescence quiescence) {
    this.resources = Set.copyOf(resources);
    this.quiescence = quiescence;
  }

  @Override
  public void stored(StoredObject object) {
    expect(object, false);
  }

  @Override
  public void deleted(StoredObject object) {
    expect(object, true);
  }

  /** Notes that an informer of this resource delivered an event about this object. */
  public void acknowledge(String resource, HasMetadata object, boolean deleted) {
    String namespace = object.getMetadata().getNamespace();
    Key key = new Key(resource, namespace == null ? "" : namespace, object.getMetadata().getName());
    Version version = new Version(parse(object.getMetadata().getResourceVersion()), deleted);
    synchronized (this) {
      Version latest = seen.merge(key, version, Version::later);
      Version wanted = expected.get(key);
      if (wanted != null && latest.satisfies(wanted)) {
        expected.remove(key);
      }
    }
    quiescence.signal();
  }

  /** Whether every change has been delivered. */
  public synchronized boolean settled() {
    return expected.isEmpty();
  }

  /** The changes not yet delivered, for messages. */
  public synchronized String undelivered() {
    return expected.keySet().toString();
  }

  private void expect(StoredObject object, boolean deleted) {
    if (!resources.contains(object.resource())) {
      return;
    }
    Key key = new Key(object.resource(), object.namespace(), object.name());
    Version version = new Version(object.resourceVersion(), deleted);
    synchronized (this) {
      Version latest = seen.get(key);
      if (latest == null || !latest.satisfies(version)) {
        expected.merge(key, version, Version::later);
      }
    }
  }

  private static long parse(String resourceVersion) {
    return resourceVersion == null ? 0 : Long.parseLong(resourceVersion);
  }

  private record Key(String resource, String namespace, String name) {
    @Override
    public String toString() {
      return resource + " " + namespace + "/" + name;
    }
  }

  /** A resource version, and whether the object was gone at it. */
  private record Version(long resourceVersion, boolean deleted) {

    Version later(Version other) {
      if (other.resourceVersion != resourceVersion) {
        return other.resourceVersion > resourceVersion ? other : this;
      }
      return deleted ? this : other;
    }

    /**
     * Whether having seen this version means the wanted one was delivered: it is newer, or the
     * same and no less deleted, or both are deletions, since an informer that relisted after
     * missing events reports a deletion at the last version it knew.
     */
    boolean satisfies(Version wanted) {
      return resourceVersion > wanted.resourceVersion
          || (resourceVersion == wanted.resourceVersion && (deleted || !wanted.deleted))
          || (deleted && wanted.deleted);
    }
  }
}
