package io.primehub.phdeploy.testkit.server;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Optional;

/**
 * fabric8's CRUD dispatcher, which finds an object by matching every stored object against the
 * request, with an index by kind and name: a request that names one object (a GET, and the lookup
 * that a create, a replace or a patch, status included, makes first) costs the same however many
 * objects are stored. Lists, watches and deletions are fabric8's own; every change goes through
 * {@link #processEvent}, which keeps the index in step with fabric8's store.
 */
class IndexedCrudDispatcher extends KubernetesCrudDispatcher {

  private final NameIndex index = new NameIndex();

  @Override
  public MockResponse handleGet(String path) {
    AttributeSet query = getKey(path);
    Optional<ObjectName> name = ObjectName.namedBy(query);
    // A watch of one object is fabric8's to open; it may name the object in its field selector.
    if (name.isEmpty() || path.contains("watch=")) {
      return super.handleGet(path);
    }
    // Read without fabric8's lock: a GET during a write answers the state before or after it.
    return answer(index.find(name.get(), query).map(Map.Entry::getValue));
  }

  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
    Optional<ObjectName> name = ObjectName.namedBy(query);
    return name.isPresent()
        ? index.find(name.get(), query).orElse(null)
        : super.findResource(query);
  }

  @Override
  public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
      GenericKubernetesResource resource, String newState) {
    // The index changes before fabric8 tells the watches: whoever reads the object once a watch
    // event told of the change finds it changed.
    if (newState == null) {
      index.remove(oldAttributes);
      super.processEvent(path, pathAttributes, oldAttributes, resource, null);
      return;
    }
    AttributeSet stored = storedKey(pathAttributes, resource, newState);
    index.replace(oldAttributes, stored, newState);
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    // fabric8 does not say under which key it stored the new state; should the key worked out
    // here ever differ from it, the index would silently answer with objects that are gone.
    if (map.get(stored) != newState) {
      throw new IllegalStateException("the name index is out of step with the store at " + path);
    }
  }

  @Override
  public void reset() {
    super.reset();
    index.clear();
  }

  /** fabric8's answer to a request naming one object: the object, or 404 without a body. */
  private static MockResponse answer(Optional<String> object) {
    return object
        .map(body -> new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK).setBody(body))
        .orElseGet(() -> new MockResponse().setResponseCode(HttpURLConnection.HTTP_NOT_FOUND));
  }

  /** The key fabric8's {@code processEvent} stores a new state under, worked out the same way. */
  private AttributeSet storedKey(AttributeSet pathAttributes, GenericKubernetesResource resource,
      String newState) {
    KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
    AttributeSet key = resource != null
        ? extractor.extract(resource)
        : extractor.fromResource(newState);
    return key.containsKey(KubernetesAttributesExtractor.PLURAL)
        ? key
        : AttributeSet.merge(pathAttributes, key);
  }
}
