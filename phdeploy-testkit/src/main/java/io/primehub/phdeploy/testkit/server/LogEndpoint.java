package io.primehub.phdeploy.testkit.server;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Serves {@code GET /api/v1/namespaces/<ns>/pods/<pod>/log} from the {@link PodLogs}, with the
 * kubelet's parameters {@code container}, {@code tailLines}, {@code sinceSeconds},
 * {@code sinceTime} and {@code timestamps}. The mock web server sends an answer's body in one
 * piece, so {@code follow=true} answers the lines written so far and then ends, where a kubelet
 * would keep the stream open.
 */
final class LogEndpoint {

  private static final DateTimeFormatter RFC3339_NANO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final PodLogs logs;
  private final ObjectStore store;

  LogEndpoint(PodLogs logs, ObjectStore store) {
    this.logs = logs;
    this.store = store;
  }

  /** Whether this request asks for a pod's log. */
  static boolean handles(ApiRequest request) {
    return request.verb() == Verb.GET && request.group().isEmpty()
        && request.resource().equals("pods") && request.subresource().equals("log");
  }

  MockResponse serve(ApiRequest request) {
    Optional<Pod> pod =
        store.get(podPath(request)).map(json -> Serialization.unmarshal(json, Pod.class));
    if (pod.isEmpty()) {
      return StatusResponses.failure(404, request);
    }
    List<String> main = names(pod.get().getSpec().getContainers());
    String container = request.query().getOrDefault("container", "");
    if (container.isEmpty() && main.size() != 1) {
      return StatusResponses.failure(400, "a container name must be specified for pod "
          + request.name() + ", choose one of: [" + String.join(" ", main) + "]");
    }
    String chosen = container.isEmpty() ? main.get(0) : container;
    boolean known = main.contains(chosen)
        || names(pod.get().getSpec().getInitContainers()).contains(chosen);
    if (!known) {
      return StatusResponses.failure(
          400, "container " + chosen + " is not valid for pod " + request.name());
    }
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "text/plain")
        .setBody(render(logs.entries(request.namespace(), request.name(), chosen), request));
  }

  private String render(List<PodLogs.LogLine> entries, ApiRequest request) {
    Instant since = since(request);
    List<PodLogs.LogLine> selected =
        entries.stream().filter(line -> !line.time().isBefore(since)).toList();
    int tail = Integer.parseInt(request.query().getOrDefault("tailLines", "-1"));
    if (tail >= 0 && tail < selected.size()) {
      selected = selected.subList(selected.size() - tail, selected.size());
    }
    boolean timestamps = Boolean.parseBoolean(request.query().getOrDefault("timestamps", "false"));
    StringBuilder body = new StringBuilder();
    for (PodLogs.LogLine line : selected) {
      if (timestamps) {
        body.append(RFC3339_NANO.format(line.time())).append(' ');
      }
      body.append(line.text()).append('\n');
    }
    return body.toString();
  }

  private Instant since(ApiRequest request) {
    String seconds = request.query().get("sinceSeconds");
    if (seconds != null) {
      return logs.now().minus(Duration.ofSeconds(Long.parseLong(seconds)));
    }
    String time = request.query().get("sinceTime");
    return time != null ? Instant.parse(time) : Instant.MIN;
  }

  private static List<String> names(List<Container> containers) {
    return containers.stream().map(Container::getName).toList();
  }

  private static String podPath(ApiRequest request) {
    return request.collectionPath() + "/" + request.name();
  }
}
