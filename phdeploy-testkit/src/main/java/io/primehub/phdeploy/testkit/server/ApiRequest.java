package io.primehub.phdeploy.testkit.server;

import io.primehub.phdeploy.core.Nullable;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request to the API server, read the way Kubernetes reads it: the verb, the resource and
 * subresource, the namespace and name, and who sent it.
 *
 * @param verb what the request does
 * @param group the API group, empty for the core group
 * @param version the API version, empty for paths outside the API
 * @param resource the plural resource name, for example {@code pods}; empty outside the API
 * @param subresource the subresource, for example {@code status} or {@code log}; empty if none
 * @param namespace the namespace, empty for cluster-wide requests
 * @param name the object's name, empty for collections
 * @param query the query parameters, decoded
 * @param userAgent the {@code User-Agent} header, empty if absent
 */
public record ApiRequest(
    Verb verb,
    String group,
    String version,
    String resource,
    String subresource,
    String namespace,
    String name,
    Map<String, String> query,
    String userAgent) {

  /** The {@code User-Agent} of the simulators' own client, so that their requests stand apart. */
  public static final String SIMULATOR_USER_AGENT = "phdeploy-testkit-simulator";

  private static final String NAME_SELECTOR = "metadata.name=";

  /** A request; the query is copied. */
  public ApiRequest {
    query = Map.copyOf(query);
  }

  /**
   * Reads a request from its HTTP method, its path with the query, and its user agent.
   *
   * @param method {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
   */
  public static ApiRequest of(String method, String pathAndQuery, @Nullable String userAgent) {
    int question = pathAndQuery.indexOf('?');
    String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
    Map<String, String> query =
        question < 0 ? Map.of() : parseQuery(pathAndQuery.substring(question + 1));
    List<String> segments =
        Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    return PathParts.read(segments)
        .toRequest(method, query, userAgent == null ? "" : userAgent);
  }

  /** {@code resource} or {@code resource/subresource}, as faults and the journal name it. */
  public String resourcePath() {
    return subresource.isEmpty() ? resource : resource + "/" + subresource;
  }

  /**
   * The name of the object the request addresses: from the path, or from a
   * {@code fieldSelector=metadata.name=<name>} as clients use to watch one object; empty if none.
   */
  public String objectName() {
    if (!name.isEmpty()) {
      return name;
    }
    String selector = query.getOrDefault("fieldSelector", "");
    return selector.startsWith(NAME_SELECTOR) && !selector.contains(",")
        ? selector.substring(NAME_SELECTOR.length())
        : "";
  }

  /** Whether the simulators sent this request. */
  public boolean fromSimulator() {
    return SIMULATOR_USER_AGENT.equals(userAgent);
  }

  /**
   * The resource version a watch or list asks to start from, or 0 when it names none (or none
   * that is a number): a watch from 0 starts from now.
   */
  public long startingResourceVersion() {
    try {
      return Long.parseLong(query.getOrDefault("resourceVersion", "0"));
    } catch (NumberFormatException notAVersion) {
      return 0;
    }
  }

  /** The API path of the collection this request addresses, without a query. */
  public String collectionPath() {
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    String scope = namespace.isEmpty() ? "" : "/namespaces/" + namespace;
    return prefix + scope + "/" + resource;
  }

  private static Map<String, String> parseQuery(String query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.put(decode(key), decode(value));
    }
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** The parts of an API path: {@code /api/v1/namespaces/ns/pods/name/log} and the like. */
  private record PathParts(
      String group, String version, String resource, String name, String subresource,
      String namespace) {

    static PathParts read(List<String> segments) {
      boolean api = !segments.isEmpty()
          && (segments.get(0).equals("api") || segments.get(0).equals("apis"));
      if (segments.size() < 2 || !api) {
        return new PathParts("", "", "", "", "", "");
      }
      boolean core = segments.get(0).equals("api");
      int start = core ? 2 : 3;
      if (segments.size() < start) {
        return new PathParts(segments.get(1), "", "", "", "", "");
      }
      String group = core ? "" : segments.get(1);
      String version = segments.get(start - 1);
      List<String> rest = segments.subList(start, segments.size());
      String namespace = "";
      if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
        namespace = rest.get(1);
        rest = rest.subList(2, rest.size());
      }
      return new PathParts(
          group, version, at(rest, 0), at(rest, 1), at(rest, 2), namespace);
    }

    ApiRequest toRequest(String method, Map<String, String> query, String userAgent) {
      return new ApiRequest(
          verb(method, query), group, version, resource, subresource, namespace, name, query,
          userAgent);
    }

    private Verb verb(String method, Map<String, String> query) {
      return switch (method.toUpperCase(Locale.ROOT)) {
        case "POST" -> Verb.CREATE;
        case "PUT" -> Verb.UPDATE;
        case "PATCH" -> Verb.PATCH;
        case "DELETE" -> Verb.DELETE;
        default -> readVerb(query);
      };
    }

    private Verb readVerb(Map<String, String> query) {
      if ("true".equals(query.get("watch")) || "1".equals(query.get("watch"))) {
        return Verb.WATCH;
      }
      return name.isEmpty() && !resource.isEmpty() ? Verb.LIST : Verb.GET;
    }

    private static String at(List<String> parts, int index) {
      return index < parts.size() ? parts.get(index) : "";
    }
  }
}
