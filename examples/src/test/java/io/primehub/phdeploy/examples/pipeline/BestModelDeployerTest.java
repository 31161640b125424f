package io.primehub.phdeploy.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.primehub.phdeploy.core.model.HistoryRecord;
import io.primehub.phdeploy.core.seldon.SeldonJson;
import io.primehub.phdeploy.core.seldon.SeldonMessage;
import io.primehub.phdeploy.examples.model.SpamModels;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.testkit.Fixtures;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import io.primehub.phdeploy.testkit.junit.PhDeployTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A training pipeline deploys its best model, and rolls back when the new one fails. */
@PhDeployTest
class BestModelDeployerTest {

  private static final String NAME = "spam-classifier";
  private static final String REGISTRY = "registry.example/spam:";

  private BestModelDeployer deployer;
  private PhDeployments deployments;

  @BeforeEach
  void firstRunDeploysItsBestModel(InMemoryCluster cluster, PhDeployments deployments) {
    this.deployments = deployments;
    cluster.models().serve(REGISTRY + "2", SpamModels.version1());
    deployer = new BestModelDeployer(deployments, Duration.ofSeconds(60));

    DeploymentOutcome outcome = deployer.deployBest(NAME, Fixtures.spamClassifier().getSpec(),
        List.of(candidate("1", 0.91), candidate("2", 0.95), candidate("3", 0.93)),
        "ACCURACY", BestModelDeployerTest::spamIsCaught);

    assertThat(outcome).isEqualTo(new DeploymentOutcome(REGISTRY + "2", false,
        "best of the run by ACCURACY: registry.example/spam:2 (0.950)"));
    assertThat(deployments.require(NAME).getSpec().predictor().metadata())
        .containsEntry("ACCURACY", "0.95");
  }

  @Test
  void aBetterModelThatServesWellReplacesTheOldOne(InMemoryCluster cluster) {
    cluster.models().serve(REGISTRY + "4", SpamModels.version2());

    DeploymentOutcome outcome = deployer.deployBest(NAME, Fixtures.spamClassifier().getSpec(),
        List.of(candidate("4", 0.97)), "ACCURACY", BestModelDeployerTest::spamIsCaught);

    assertThat(outcome.rolledBack()).isFalse();
    assertThat(outcome.image()).isEqualTo(REGISTRY + "4");
    assertThat(images(deployments.history(NAME))).containsExactly(REGISTRY + "4", REGISTRY + "2");
  }

  @Test
  void aModelThatAnswersNonsenseIsRolledBack(InMemoryCluster cluster) {
    cluster.models().serve(REGISTRY + "4",
        request -> SeldonMessage.ofNdarray(List.of(List.of(7.0))));

    DeploymentOutcome outcome = deployer.deployBest(NAME, Fixtures.spamClassifier().getSpec(),
        List.of(candidate("4", 0.97)), "ACCURACY", BestModelDeployerTest::spamIsCaught);

    assertThat(outcome.rolledBack()).isTrue();
    assertThat(outcome.image()).isEqualTo(REGISTRY + "2");
    assertThat(outcome.why()).contains("not a probability");
    assertThat(images(deployments.history(NAME)))
        .containsExactly(REGISTRY + "2", REGISTRY + "4", REGISTRY + "2");
  }

  @Test
  void aModelWhoseImageCannotBePulledIsRolledBack(InMemoryCluster cluster) {
    cluster.registry().remove(REGISTRY + "5");

    DeploymentOutcome outcome = deployer.deployBest(NAME, Fixtures.spamClassifier().getSpec(),
        List.of(candidate("5", 0.99)), "ACCURACY", BestModelDeployerTest::spamIsCaught);

    assertThat(outcome.rolledBack()).isTrue();
    assertThat(outcome.image()).isEqualTo(REGISTRY + "2");
    assertThat(outcome.why()).startsWith("ImagePullFailed");
  }

  private static CandidateModel candidate(String version, double accuracy) {
    return new CandidateModel(REGISTRY + version, Map.of("ACCURACY", accuracy));
  }

  private static List<String> images(List<HistoryRecord> history) {
    return history.stream().map(r -> r.spec().predictor().modelImage()).toList();
  }

  /** The smoke test a pipeline would run: an obvious spam message must be caught. */
  private static void spamIsCaught(URI endpoint) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"data\":{\"ndarray\":[[\"win a free prize now\"]]}}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the endpoint answered " + response.statusCode());
    }
    double probability =
        SeldonJson.read(response.body()).data().ndarrayAsDoubles().get(0).get(0);
    if (probability < 0 || probability > 1) {
      throw new IllegalStateException(probability + " is not a probability");
    }
    if (probability < 0.5) {
      throw new IllegalStateException("an obvious spam scored only " + probability);
    }
  }
}
