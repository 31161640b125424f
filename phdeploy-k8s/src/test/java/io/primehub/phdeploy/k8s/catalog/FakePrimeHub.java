package io.primehub.phdeploy.k8s.catalog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * PrimeHub's GraphQL endpoint on a local port: it records every request and answers the next
 * scripted answer, or else {@link #GROUPS} with status 200.
 */
final class FakePrimeHub implements AutoCloseable {

  /** PrimeHub's answer for the groups of the fixture catalog. */
  static final String GROUPS = """
      {"data": {"groups": [
        {"id": "ca6b032e-b8be-44d2-9646-092622d6ba15", "name": "phusers",
         "enabledDeployment": true,
         "projectQuotaCpu": 8, "projectQuotaGpu": 0, "projectQuotaMemory": 16,
         "users": [{"id": "4d203a08-896a-4aa8-86e2-882f4d4aadec"}],
         "instanceTypes": [
           {"name": "cpu-only", "global": true,
            "spec": {"limits.cpu": "1", "requests.cpu": "500m",
                     "limits.memory": "2Gi", "requests.memory": "1Gi",
                     "limits.gpu": null, "requests.gpu": null}},
           {"name": "gpu-1", "global": false,
            "spec": {"limits.cpu": 4, "limits.memory": 16, "limits.gpu": 1,
                     "nodeSelector": {"accelerator": "nvidia"},
                     "tolerations": [{"key": "nvidia.com/gpu", "operator": "Exists",
                                      "effect": "NoSchedule"}]}}]},
        {"id": "0d5b4a3c-1111-4c3e-9a70-5b1f1d0e9a01", "name": "sandbox",
         "enabledDeployment": false,
         "projectQuotaCpu": null, "projectQuotaGpu": null, "projectQuotaMemory": null,
         "users": [],
         "instanceTypes": [
           {"name": "cpu-only", "global": true,
            "spec": {"limits.cpu": "1", "requests.cpu": "500m",
                     "limits.memory": "2Gi", "requests.memory": "1Gi"}}]}
      ]}}
      """;

  /** A request as the server saw it. */
  record Request(String authorization, String contentType, String body) {}

  private record Answer(int status, String body, CountDownLatch release) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Answer otherwise = new Answer(200, GROUPS, null);

  private FakePrimeHub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/graphql", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  static FakePrimeHub start() throws IOException {
    return new FakePrimeHub();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/graphql");
  }

  /** Answers the next request with this status and body. */
  FakePrimeHub thenAnswer(int status, String body) {
    script.add(new Answer(status, body, null));
    return this;
  }

  /** Answers every request that nothing is scripted for with this status and body. */
  FakePrimeHub otherwiseAnswer(int status, String body) {
    otherwise = new Answer(status, body, null);
    return this;
  }

  /** Holds the answer to the next request until the latch is released. */
  FakePrimeHub thenHoldUntil(CountDownLatch release) {
    script.add(new Answer(200, GROUPS, release));
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new Request(
        exchange.getRequestHeaders().getFirst("Authorization"),
        exchange.getRequestHeaders().getFirst("Content-Type"),
        body));
    Answer answer = script.poll();
    if (answer == null) {
      answer = otherwise;
    }
    if (answer.release() != null) {
      try {
        answer.release().await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
