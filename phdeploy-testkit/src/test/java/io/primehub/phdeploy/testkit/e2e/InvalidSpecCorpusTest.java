package io.primehub.phdeploy.testkit.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.validation.InvalidSpecException;
import io.primehub.phdeploy.core.validation.Violation;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import io.primehub.phdeploy.testkit.server.RequestCounts;
import io.primehub.phdeploy.testkit.server.Verb;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every spec of a corpus of invalid ones, sent through the SDK as a create and, where the case
 * is about the spec, as an update of an existing deployment: each is refused with
 * {@link InvalidSpecException} whose violations name the field, and the journal shows that no
 * request of the create and no write of the update reached the API server (an update reads the
 * deployment before it changes it).
 *
 * <p>The listed cases are in {@code bad-input/invalid-specs.txt}; the oversized ones are made by
 * {@link OversizedSpecs}.
 */
class InvalidSpecCorpusTest {

  private static final Logger LOG = LoggerFactory.getLogger(InvalidSpecCorpusTest.class);
  private static final String USER_AGENT = "invalid-spec-corpus";
  private static final String EXISTING = "spam-classifier-existing";
  private static final int MINIMUM_CASES = 200;

  private static InMemoryCluster cluster;
  private static PhDeployments deployments;

  @BeforeAll
  static void startClusterWithOneDeployment() {
    cluster = InMemoryCluster.builder().fixtureCatalog().start();
    KubernetesClient client = cluster.newClient(config -> config.withUserAgent(USER_AGENT));
    deployments = PhDeployments.using(client).inNamespace(Journey.NAMESPACE);
    deployments.create(EXISTING, Journey.fixture().getSpec());
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  static List<InvalidSpecCase> corpus() {
    return InvalidSpecCase.corpus();
  }

  @Test
  void theCorpusCoversEveryAreaWithAtLeast200Cases() {
    Map<String, Long> byArea = corpus().stream()
        .collect(Collectors.groupingBy(InvalidSpecCase::area, TreeMap::new,
            Collectors.counting()));
    LOG.info("{} invalid specs: {}", corpus().size(), byArea);

    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(MINIMUM_CASES);
    assertThat(byArea).containsKeys("metadata.name", "spec.predictors[0].replicas",
        "spec.predictors[0].modelImage", "spec.predictors[0].modelURI", "spec.env",
        "spec.endpoint.clients", "spec");
    assertThat(corpus()).extracting(InvalidSpecCase::title).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void aCreateIsRefusedNamingTheFieldAndSendsNothing(InvalidSpecCase invalid) {
    RequestCounts before = requests();

    assertThatThrownBy(() -> deployments.create(invalid.name(), invalid.spec()))
        .isInstanceOfSatisfying(InvalidSpecException.class, refusal -> namesField(refusal, invalid));

    assertThat(requests().total()).as("requests sent").isEqualTo(before.total());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void anUpdateIsRefusedNamingTheFieldAndWritesNothing(InvalidSpecCase invalid) {
    assumeTrue(invalid.appliesToUpdates(),
        "a case of the name, or of the update message alone, which an update does not write");
    RequestCounts before = requests();

    assertThatThrownBy(() -> deployments.update(
            EXISTING, current -> invalid.spec(), invalid.spec().updateMessage()))
        .isInstanceOfSatisfying(InvalidSpecException.class, refusal -> namesField(refusal, invalid));

    RequestCounts after = requests();
    assertThat(after.writes()).as("writes sent").isEqualTo(before.writes());
    assertThat(after.count(Verb.GET)).as("reads of the current spec")
        .isEqualTo(before.count(Verb.GET) + 1);
  }

  private static void namesField(InvalidSpecException refusal, InvalidSpecCase invalid) {
    assertThat(refusal.violations()).extracting(Violation::path).contains(invalid.field());
    assertThat(refusal.getMessage()).contains(invalid.field() + ": ");
  }

  private static RequestCounts requests() {
    return cluster.journal().snapshot().fromUserAgent(USER_AGENT);
  }
}
