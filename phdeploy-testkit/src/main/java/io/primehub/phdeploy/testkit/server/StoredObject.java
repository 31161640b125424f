package io.primehub.phdeploy.testkit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity of an object the API server has just stored or deleted: where it lives, its uid,
 * its resource version and the uids of its owners.
 *
 * @param group the API group, empty for the core group
 * @param version the API version
 * @param kind the kind
 * @param resource the plural resource name
 * @param namespace the namespace, empty for cluster-wide objects
 * @param name the name
 * @param uid the uid
 * @param resourceVersion the resource version, which grows with every change
 * @param ownerUids the uids of its owner references
 */
public record StoredObject(
    String group,
    String version,
    String kind,
    String resource,
    String namespace,
    String name,
    String uid,
    long resourceVersion,
    List<String> ownerUids) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An object; the owners are copied. */
  public StoredObject {
    ownerUids = List.copyOf(ownerUids);
  }

  /** {@code namespace/name}, or the name alone for a cluster-wide object. */
  public String key() {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }

  /** The API path of the object, for example {@code /apis/apps/v1/namespaces/hub/deployments/web}. */
  public String apiPath() {
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    String scope = namespace.isEmpty() ? "" : "/namespaces/" + namespace;
    return prefix + scope + "/" + resource + "/" + name;
  }

  /**
   * The objects in the body of an answer to a request: one object, or each item of a list.
   *
   * @throws IllegalArgumentException if the body is not JSON
   */
  static List<StoredObject> fromBody(ApiRequest request, String body) {
    return objectsIn(request, body).stream().map(object -> of(request, object)).toList();
  }

  /**
   * The JSON of the objects in the body of an answer to a request: one object, or each item of
   * a list.
   *
   * @throws IllegalArgumentException if the body is not JSON
   */
  static List<JsonNode> objectsIn(ApiRequest request, String body) {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the answer to " + request + " is not JSON", e);
    }
    List<JsonNode> objects = new ArrayList<>();
    if (node.has("items")) {
      node.get("items").forEach(objects::add);
    } else if (node.has("metadata")) {
      objects.add(node);
    }
    return objects;
  }

  /** Where the JSON {@code object} of an answer to {@code request} lives. */
  static StoredObject of(ApiRequest request, JsonNode object) {
    JsonNode metadata = object.path("metadata");
    List<String> owners = new ArrayList<>();
    metadata.path("ownerReferences").forEach(owner -> owners.add(owner.path("uid").asText()));
    return new StoredObject(
        request.group(),
        request.version(),
        object.path("kind").asText(),
        request.resource(),
        metadata.path("namespace").asText(request.namespace()),
        metadata.path("name").asText(),
        metadata.path("uid").asText(),
        metadata.path("resourceVersion").asLong(),
        owners);
  }
}
