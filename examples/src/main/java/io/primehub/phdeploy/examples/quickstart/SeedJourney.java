package io.primehub.phdeploy.examples.quickstart;

import io.primehub.phdeploy.core.model.HistoryRecord;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.ImmutablePredictor;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.core.seldon.SeldonJson;
import io.primehub.phdeploy.core.seldon.SeldonMessage;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.testkit.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The seed's user journey: the administrator enables model deployment, the spam classifier is
 * deployed and answers a real prediction, its image is updated, it is scaled and its traffic
 * is seen spread over the replicas, its replica logs are read, and it is stopped.
 */
final class SeedJourney {

  /** Steps of {@link #deployAndUse}, which the narration counts. */
  static final int STEPS = 6;

  private static final Duration WAIT = Duration.ofMinutes(5);
  private static final List<String> MESSAGES = List.of(
      "WIN a FREE prize now, click here", "are we still meeting for lunch tomorrow?");

  private final JourneyTarget target;
  private final Narrator narrator;
  private final String image;
  private final String newImage;
  private final HttpClient http = HttpClient.newHttpClient();

  SeedJourney(JourneyTarget target, Narrator narrator, String image, String newImage) {
    this.target = target;
    this.narrator = narrator;
    this.image = image;
    this.newImage = newImage;
  }

  /** Runs the journey up to and including the replica logs; answers the deployment's name. */
  String deployAndUse() throws IOException, InterruptedException {
    PhDeployments deployments = target.deployments();
    PhDeployment fixture = Fixtures.spamClassifier();
    String group = fixture.getSpec().groupName();

    narrator.step("Admin: enable model deployment for group \"" + group + "\"");
    narrator.say(target.enableModelDeployment(group));

    String name = fixture.name();
    narrator.step("Create \"" + name + "\": " + image + ", "
        + fixture.getSpec().predictor().replicas() + " replicas of instance type "
        + fixture.getSpec().predictor().instanceType());
    deployments.create(name, ImmutablePhDeploymentSpec.copyOf(fixture.getSpec()).withPredictors(
        ImmutablePredictor.copyOf(fixture.getSpec().predictor()).withModelImage(image)));
    PhDeploymentStatus deployed = await(name, Phase.DEPLOYED);

    narrator.step("Predict through the endpoint");
    URI endpoint = URI.create(deployed.endpoint());
    narrator.say("endpoint: %s", endpoint);
    String body = requestBody(MESSAGES);
    narrator.say("try it yourself while this runs:");
    narrator.say("  curl -s -X POST '%s' -H 'Content-Type: application/json' -d '%s'",
        endpoint, body);
    predictAndShow(endpoint, body);

    narrator.step("Update the image to " + newImage + " (retrained on May data)");
    deployments.changeImage(name, newImage, "retrained on May data");
    await(name, Phase.DEPLOYED);
    List<HistoryRecord> history = deployments.history(name);
    narrator.say("history, newest first (%d records):", history.size());
    for (HistoryRecord record : history) {
      narrator.say("  %s  %s  %s", record.time(), record.spec().predictor().modelImage(),
          record.spec().updateMessage() == null ? "(created)" : record.spec().updateMessage());
    }
    predictAndShow(endpoint, body);

    narrator.step("Scale to 3 replicas and send 30 predictions");
    deployments.scale(name, 3, "more traffic expected");
    await(name, Phase.DEPLOYED);
    Map<String, Long> before = target.requestsByPod(name);
    for (int i = 0; i < 30; i++) {
      predict(endpoint, body);
    }
    Map<String, Long> after = target.requestsByPod(name);
    if (after.isEmpty()) {
      narrator.say("(the ingress of a real cluster does not report requests per replica)");
    }
    after.forEach((pod, count) -> {
      long served = count - before.getOrDefault(pod, 0L);
      if (served > 0) {
        narrator.say("  %-46s %3d of the 30 requests", pod, served);
      }
    });

    narrator.step("Replica logs (container \"model\", last 4 lines of each replica)");
    deployments.logs(name).tail(4).fetch().forEach((pod, log) -> {
      narrator.say("%s:", pod);
      log.lines().forEach(line -> narrator.say("  %s", line));
    });
    return name;
  }

  /** Stops the deployment, as the journey's last step. */
  void stop(String name) {
    narrator.step("Stop \"" + name + "\"");
    target.deployments().stop(name);
    await(name, Phase.STOPPED);
  }

  private PhDeploymentStatus await(String name, Phase phase) {
    long started = System.nanoTime();
    PhDeploymentStatus status =
        target.deployments().awaitPhase(name, phase, WAIT, narrator::progress);
    narrator.say("%s after %s", phase,
        Narrator.seconds(Duration.ofNanos(System.nanoTime() - started)));
    return status;
  }

  private void predictAndShow(URI endpoint, String body) throws IOException, InterruptedException {
    SeldonMessage answer = predict(endpoint, body);
    List<List<Double>> probabilities = answer.data().ndarrayAsDoubles();
    for (int i = 0; i < MESSAGES.size(); i++) {
      narrator.say("  %-42s spam probability %.3f", '"' + MESSAGES.get(i) + '"',
          probabilities.get(i).get(0));
    }
  }

  private SeldonMessage predict(URI endpoint, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "the endpoint answered " + response.statusCode() + ": " + response.body());
    }
    return SeldonJson.read(response.body());
  }

  private static String requestBody(List<String> messages) {
    return SeldonJson.write(SeldonMessage.ofNdarray(messages.stream().map(List::of).toList()));
  }
}
