package io.primehub.phdeploy.k8s.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The health endpoints' answers for a controller in each state, and for wrong requests. */
class HealthServerTest {

  private final FakeProbe probe = new FakeProbe();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private HealthServer server;

  @BeforeEach
  void start() throws IOException {
    server = HealthServer.start(new InetSocketAddress(0), probe, registry);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aHealthyReadyControllerAnswers200() throws Exception {
    probe.healthy = true;
    probe.ready = true;

    assertThat(get("/healthz")).satisfies(r -> assertThat(r.statusCode()).isEqualTo(200));
    assertThat(get("/readyz")).satisfies(r -> assertThat(r.statusCode()).isEqualTo(200));
  }

  @Test
  void anInformerThatStoppedIsNamedIn503() throws Exception {
    probe.unhealthyKinds = List.of("Pod", "Secret");

    HttpResponse<String> health = get("/healthz");

    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("Pod, Secret");
  }

  @Test
  void aControllerThatDoesNotRunIsUnhealthyAndNotReady() throws Exception {
    assertThat(get("/healthz").body()).contains("not running");
    assertThat(get("/readyz").statusCode()).isEqualTo(503);
  }

  @Test
  void metricsAreInPrometheusTextFormat() throws Exception {
    registry.counter("phdeploy.test.events").increment();

    HttpResponse<String> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
    assertThat(metrics.body()).contains("phdeploy_test_events_total 1.0");
  }

  @Test
  void otherPathsAndMethodsAreRefused() throws Exception {
    assertThat(get("/health").statusCode()).isEqualTo(404);
    HttpResponse<String> post = StandaloneEnvironment.send(request("/healthz")
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void headAnswersTheStatusWithoutABody() throws Exception {
    probe.healthy = true;

    HttpResponse<String> head = StandaloneEnvironment.send(request("/healthz")
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return StandaloneEnvironment.get(server.address(), path);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(StandaloneEnvironment.uri(server.address(), path));
  }

  /** A controller whose state the test sets. */
  private static final class FakeProbe implements ControllerProbe {
    volatile boolean healthy;
    volatile boolean ready;
    volatile List<String> unhealthyKinds = List.of();

    @Override
    public boolean healthy() {
      return healthy;
    }

    @Override
    public List<String> unhealthyKinds() {
      return unhealthyKinds;
    }

    @Override
    public boolean ready() {
      return ready;
    }
  }
}
