package io.primehub.phdeploy.testkit.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.primehub.phdeploy.core.naming.ContainerNames;
import io.primehub.phdeploy.core.naming.EndpointPaths;
import io.primehub.phdeploy.core.naming.OwnedNames;
import io.primehub.phdeploy.core.seldon.SeldonMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one prediction request in the order the real path takes: the Ingress (no Ingress,
 * {@code 404}; missing credentials, {@code 401}; no ready pod, {@code 503}), then the chosen
 * pod (no model for its image, {@code 502}; a bad request, {@code 400} or {@code 405}; a model
 * that throws, {@code 500}; else {@code 200} with the model's answer).
 */
final class PredictionHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(PredictionGateway.class);

  /** A request's deployment and the pod whose turn it was. */
  private record Target(DeploymentRoute route, ReadyPod pod) {}

  private final RouteTable routes;
  private final ModelRegistry models;
  private final RoundRobin roundRobin = new RoundRobin();
  private final RequestCounts counts;
  private final Consumer<ServedPrediction> onServed;
  private final Function<String, Optional<DeploymentRoute>> readyRoute;

  /**
   * @param readyRoute waits a moment for a deployment to have a ready replica, answering its
   *     route then, or nothing
   */
  PredictionHandler(
      RouteTable routes,
      ModelRegistry models,
      RequestCounts counts,
      Consumer<ServedPrediction> onServed,
      Function<String, Optional<DeploymentRoute>> readyRoute) {
    this.routes = routes;
    this.models = models;
    this.counts = counts;
    this.onServed = onServed;
    this.readyRoute = readyRoute;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    String method = exchange.getRequestMethod();
    // The path only: a GET's query holds the message, and neither belongs in a log.
    String path = exchange.getRequestURI().getPath();
    Target target = null;
    Reply reply;
    try {
      target = route(path, exchange.getRequestHeaders().getFirst("Authorization"));
      reply = answer(target, exchange);
    } catch (Refusal refusal) {
      reply = refusal.reply();
    } catch (RuntimeException bug) {
      // The JDK server would drop the connection without a word; the client deserves an answer.
      LOG.warn("{} {} failed in the gateway", method, path, bug);
      reply = Reply.failure(500, "the prediction gateway failed: " + bug);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    String pod = target == null ? "no pod" : "pod " + target.pod().name();
    LOG.debug("{} {} -> {} ({}, {} ms)", method, path, reply.status(), pod, elapsed.toMillis());
    // Reported before the answer leaves, so a client that has its answer finds it reported.
    if (target != null) {
      report(new ServedPrediction(method, path, target.route().namespace(),
          target.route().deployment(), target.pod().name(), reply.status(), elapsed));
    }
    send(exchange, reply);
  }

  /** What the Ingress does: find the deployment, check credentials, pick a ready pod. */
  private Target route(String path, String authorization) throws Refusal {
    String deployment = PredictionPath.deploymentOf(path).orElseThrow(() -> new Refusal(404,
        "no prediction endpoint at '" + path + "': deployments answer at "
            + EndpointPaths.prefix("<name>") + EndpointPaths.PREDICTIONS));
    DeploymentRoute route = routes.route(deployment).orElseThrow(() -> new Refusal(404,
        "no deployment '" + deployment + "': there is no Ingress '" + OwnedNames.of(deployment)
            + "' for " + EndpointPaths.prefix(deployment)));
    BasicAuth.check(route, authorization);
    Optional<Target> target = roundRobin.next(route).map(pod -> new Target(route, pod))
        .or(() -> readyRoute.apply(deployment)
            .flatMap(ready -> roundRobin.next(ready).map(pod -> new Target(ready, pod))));
    Target chosen = target.orElseThrow(() -> new Refusal(503,
        "no ready replica of deployment '" + deployment + "' (0 of " + route.podCount()
            + " ready)"));
    counts.count(deployment, chosen.pod().name());
    return chosen;
  }

  /** What the pod does: run the model registered for its image on the request's message. */
  private Reply answer(Target target, HttpExchange exchange) throws Refusal, IOException {
    String where = "pod '" + target.pod().name() + "' of deployment '"
        + target.route().deployment() + "'";
    String image = target.pod().modelImage().orElseThrow(() -> new Refusal(502,
        where + " has no container named '" + ContainerNames.MODEL + "' to answer"));
    Model model = models.forImage(image).orElseThrow(() -> new Refusal(502,
        "no model is registered for image '" + image + "', which " + where + " runs;"
            + " register one with ModelRegistry.serve(\"" + image + "\", request -> ...)"));
    SeldonMessage request = RequestMessage.read(exchange);
    SeldonMessage response;
    try {
      response = model.predict(request);
    } catch (Exception failed) {
      if (failed instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new Refusal(500, "the model of image '" + image + "' failed on " + where + ": "
          + failed);
    }
    if (response == null) {
      throw new Refusal(500, "the model of image '" + image + "' answered nothing on " + where);
    }
    return Reply.ok(response);
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json; charset=utf-8");
    reply.headers().forEach(headers::set);
    try (OutputStream out = exchange.getResponseBody()) {
      exchange.sendResponseHeaders(reply.status(), body.length);
      out.write(body);
    } finally {
      exchange.close();
    }
  }

  private void report(ServedPrediction served) {
    try {
      onServed.accept(served);
    } catch (RuntimeException listenerFailed) {
      LOG.warn("the onServed listener failed on {}", served, listenerFailed);
    }
  }
}
