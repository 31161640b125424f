package io.primehub.phdeploy.k8s.standalone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The controller's HTTP endpoints for Kubernetes and Prometheus: {@code /healthz} (200 while
 * every informer watches, else 503 naming the kinds that do not), {@code /readyz} (200 once the
 * controller processes or stands by as a follower) and {@code /metrics} (Prometheus text).
 */
public final class HealthServer implements AutoCloseable {

  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;

  private HealthServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Serves the endpoints on {@code address} until closed.
   *
   * @throws IOException if the address cannot be bound
   */
  public static HealthServer start(
      InetSocketAddress address, ControllerProbe probe, PrometheusMeterRegistry registry)
      throws IOException {
    Map<String, Supplier<Answer>> routes = Map.of(
        "/healthz", () -> health(probe),
        "/readyz", () -> probe.ready()
            ? new Answer(HttpURLConnection.HTTP_OK, TEXT, "ready\n")
            : new Answer(HttpURLConnection.HTTP_UNAVAILABLE, TEXT, "not ready\n"),
        "/metrics", () -> new Answer(HttpURLConnection.HTTP_OK, PROMETHEUS_TEXT, registry.scrape()));
    HttpServer server = HttpServer.create(address, 0);
    server.createContext("/", exchange -> answer(exchange, routes));
    server.start();
    return new HealthServer(server);
  }

  /** Where the endpoints are served; the actual port when port 0 was asked for. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Stops serving at once. */
  @Override
  public void close() {
    server.stop(0);
  }

  private static Answer health(ControllerProbe probe) {
    if (probe.healthy()) {
      return new Answer(HttpURLConnection.HTTP_OK, TEXT, "ok\n");
    }
    String kinds = String.join(", ", probe.unhealthyKinds());
    return new Answer(HttpURLConnection.HTTP_UNAVAILABLE, TEXT, kinds.isEmpty()
        ? "unhealthy: the controller is not running\n"
        : "unhealthy: these informers do not watch: " + kinds + "\n");
  }

  private static void answer(HttpExchange exchange, Map<String, Supplier<Answer>> routes)
      throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      boolean head = method.equals("HEAD");
      Supplier<Answer> route = routes.get(exchange.getRequestURI().getPath());
      Answer answer;
      if (!head && !method.equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        answer = new Answer(HttpURLConnection.HTTP_BAD_METHOD, TEXT, "use GET\n");
      } else if (route == null) {
        answer = new Answer(HttpURLConnection.HTTP_NOT_FOUND, TEXT,
            "not found; try /healthz, /readyz or /metrics\n");
      } else {
        answer = route.get();
      }
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      // A length of 0 would mean a chunked body; -1 means none.
      exchange.sendResponseHeaders(answer.status(), head || body.length == 0 ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  private record Answer(int status, String contentType, String body) {}
}
