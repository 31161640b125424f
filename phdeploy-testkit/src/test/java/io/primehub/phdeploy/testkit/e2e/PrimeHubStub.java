package io.primehub.phdeploy.testkit.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * PrimeHub's GraphQL API on a local port, answering the groups of the fixture catalog that the
 * fixture deployment needs, until it is told to fail or to go away; it can come back on the same
 * port.
 */
final class PrimeHubStub implements AutoCloseable {

  /** The group phusers with the cpu-only instance type, as PrimeHub answers them. */
  private static final String GROUPS = """
      {"data": {"groups": [
        {"id": "ca6b032e-b8be-44d2-9646-092622d6ba15", "name": "phusers",
         "enabledDeployment": true,
         "projectQuotaCpu": 8, "projectQuotaGpu": 0, "projectQuotaMemory": null,
         "users": [{"id": "4d203a08-896a-4aa8-86e2-882f4d4aadec"}],
         "instanceTypes": [
           {"name": "cpu-only", "global": true,
            "spec": {"limits.cpu": "1", "requests.cpu": "500m",
                     "limits.memory": "2Gi", "requests.memory": "1Gi"}}]}]}}
      """;

  private final int port;
  private volatile int status = 200;
  private HttpServer server;
  private boolean gone;

  private PrimeHubStub() {
    this.server = serve(0);
    this.port = server.getAddress().getPort();
  }

  /** A stub answering on a free port. */
  static PrimeHubStub start() {
    return new PrimeHubStub();
  }

  /** Where the GraphQL API answers. */
  URI url() {
    return URI.create("http://127.0.0.1:" + port + "/api/graphql");
  }

  /** Answers every request with this HTTP status and an error body from now on. */
  void failWith(int httpStatus) {
    status = httpStatus;
  }

  /** Stops listening: connections are refused, as when PrimeHub is down. */
  synchronized void goAway() {
    server.stop(0);
    gone = true;
  }

  /** Answers the groups again, listening again on the same port if it went away. */
  synchronized void comeBack() {
    status = 200;
    if (gone) {
      server = serve(port);
      gone = false;
    }
  }

  @Override
  public synchronized void close() {
    server.stop(0);
  }

  private HttpServer serve(int onPort) {
    try {
      HttpServer started = HttpServer.create(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
      started.createContext("/api/graphql", this::answer);
      started.start();
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + onPort, e);
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    int answering = status;
    byte[] body = (answering == 200 ? GROUPS : "{\"errors\":[{\"message\":\"unavailable\"}]}")
        .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answering, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
