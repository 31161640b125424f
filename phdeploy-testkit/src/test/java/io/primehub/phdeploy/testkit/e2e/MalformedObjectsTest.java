package io.primehub.phdeploy.testkit.e2e;

import static io.primehub.phdeploy.testkit.assertions.PhDeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.ImmutableCatalog;
import io.primehub.phdeploy.core.catalog.ImmutableGroup;
import io.primehub.phdeploy.core.catalog.ResourceQuantities;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.ImmutablePredictor;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.controller.Reconciler;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.testkit.Fixtures;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import io.primehub.phdeploy.testkit.server.RequestCounts;
import io.primehub.phdeploy.testkit.server.Verb;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fifty objects that do not match the schema, written with a raw client, neither stop nor slow
 * the controller: each is Failed with reason invalid spec (image invalid when the model image is
 * all that is wrong) and a short message that names the field; one with unknown fields alone
 * deploys; twenty good deployments created while they are being failed, and twenty more once
 * they are, converge about as fast as twenty created before them; and the controller does no
 * repeated work for the malformed ones, neither while they are there nor after a restart that
 * lists them again.
 */
class MalformedObjectsTest {

  private static final Logger LOG = LoggerFactory.getLogger(MalformedObjectsTest.class);
  private static final int GOOD = 20;
  private static final Duration CONVERGE = Duration.ofSeconds(60);
  /** Its first add, and the event of its own status write. */
  private static final int MAX_RECONCILES_PER_MALFORMED = 3;
  /**
   * Kubernetes caps a condition's message at 32768 characters (metav1.Condition), and the
   * Ready condition carries the failure message.
   */
  private static final int MAX_MESSAGE_LENGTH = 32768;

  private final ReconcileCounts reconciles = new ReconcileCounts();
  private PhDeployEnvironment env;
  private KubernetesClient client;
  private PhDeployments deployments;

  @BeforeEach
  void start() {
    env = PhDeployEnvironment.builder()
        .catalog(withoutQuota(Fixtures.catalog()))
        .controller(controller -> controller.reconciler(reconciles))
        .start();
    client = env.cluster().client();
    deployments = env.deployments();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void fiftyMalformedObjectsNeitherStopNorSlowTheControllerNorMakeItRepeatWork() {
    Duration alone = deployGood("before");
    env.awaitIdle();

    List<Malformation> malformations = Malformation.all();
    assertThat(malformations).hasSize(50);
    for (int i = 0; i < malformations.size(); i++) {
      malformations.get(i).create(client, malformedName(i));
    }
    Malformation.unknownFieldsAlone().create(client, "unknown-fields");
    Duration amongMalformed = deployGood("among");
    assertThat(Verdicts.await(client, "unknown-fields", Phase.DEPLOYED)).isDeployed();
    for (int i = 0; i < malformations.size(); i++) {
      PhDeployment failed = Verdicts.await(client, malformedName(i), Phase.FAILED);
      assertThat(failed).as(malformations.get(i).title())
          .isFailedWith(malformations.get(i).reason())
          .hasMessageContaining(malformations.get(i).field());
      assertThat(failed.getStatus().message()).as(malformations.get(i).title())
          .hasSizeLessThanOrEqualTo(MAX_MESSAGE_LENGTH);
    }
    env.awaitIdle();
    Duration afterMalformed = deployGood("after");
    env.awaitIdle();
    LOG.info("{} good deployments converged in {} alone, in {} while {} malformed objects were"
            + " being failed, and in {} once they were", GOOD, alone, amongMalformed,
        malformations.size(), afterMalformed);
    // Generous, for a shared machine: a hot loop or a stalled informer costs far more.
    assertThat(amongMalformed).isLessThan(alone.multipliedBy(3).plusSeconds(10));
    assertThat(afterMalformed).isLessThan(alone.multipliedBy(3).plusSeconds(10));

    Map<String, Integer> perMalformed = reconciles.ofPrefix("malformed-");
    LOG.info("reconciles per malformed object: {}", perMalformed.values().stream()
        .collect(Collectors.groupingBy(count -> count, Collectors.counting())));
    assertThat(perMalformed).hasSize(malformations.size())
        .allSatisfy((key, count) -> assertThat(count).as(key)
            .isBetween(1, MAX_RECONCILES_PER_MALFORMED));
    RequestCounts controller = controllerRequests();
    // A Deployment for each good one and the one with unknown fields, none for a malformed one.
    assertThat(controller.count(Verb.CREATE, "deployments"))
        .isEqualTo(3 * GOOD + 1);

    env.cluster().journal().reset();
    env.restartController();
    env.awaitIdle();
    RequestCounts afterRestart = controllerRequests();
    LOG.info("a restart over {} malformed and {} good deployments sent {}",
        malformations.size(), 3 * GOOD + 1, afterRestart);
    assertThat(afterRestart.writes()).as(afterRestart.toString()).isZero();
    assertThat(reconciles.ofPrefix("malformed-")).allSatisfy((key, count) ->
        assertThat(count).as(key).isLessThanOrEqualTo(perMalformed.get(key) + 1));
  }

  /** Creates {@link #GOOD} deployments and answers how long they took to be Deployed. */
  private Duration deployGood(String prefix) {
    PhDeploymentSpec spec = oneReplica(Journey.fixture().getSpec());
    long start = System.nanoTime();
    List<String> names = IntStream.range(0, GOOD).mapToObj(i -> prefix + "-" + i).toList();
    names.forEach(name -> deployments.create(name, spec));
    names.forEach(name -> deployments.awaitPhase(name, Phase.DEPLOYED, CONVERGE));
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private RequestCounts controllerRequests() {
    return env.cluster().journal().snapshot()
        .fromUserAgent(PhDeployEnvironment.CONTROLLER_USER_AGENT);
  }

  private static String malformedName(int index) {
    return String.format("malformed-%02d", index);
  }

  private static PhDeploymentSpec oneReplica(PhDeploymentSpec spec) {
    return ImmutablePhDeploymentSpec.copyOf(spec)
        .withPredictors(ImmutablePredictor.copyOf(spec.predictor()).withReplicas(1));
  }

  /** The catalog with no group quota, so that sixty deployments fit. */
  private static Catalog withoutQuota(Catalog catalog) {
    return ImmutableCatalog.copyOf(catalog).withGroups(catalog.groups().stream()
        .map(group -> ImmutableGroup.copyOf(group).withQuota(ResourceQuantities.none()))
        .toList());
  }

  /** Counts the reconciles of each deployment, around the controller's reconciler. */
  private static final class ReconcileCounts implements UnaryOperator<Reconciler> {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    @Override
    public Reconciler apply(Reconciler reconciler) {
      return context -> {
        counts.computeIfAbsent(context.name(), name -> new AtomicInteger()).incrementAndGet();
        return reconciler.reconcile(context);
      };
    }

    Map<String, Integer> ofPrefix(String prefix) {
      return counts.entrySet().stream()
          .filter(entry -> entry.getKey().startsWith(prefix))
          .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get()));
    }
  }
}
