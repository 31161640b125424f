package io.primehub.phdeploy.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.controller.PhDeployController;
import io.primehub.phdeploy.testkit.Fixtures;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import io.primehub.phdeploy.testkit.server.RequestCounts;
import io.primehub.phdeploy.testkit.server.Verb;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two controllers over one cluster, each with its own user agent, elect a leader on a Lease.
 * Only the leader reconciles: the journal shows the other one writing nothing at all. When the
 * leader stops, the other takes over and reconciles what was created meanwhile: within the
 * lease duration when the leader releases the lease on its way out, and at most a lease
 * duration and one retry interval after a leader that died without a word, whose lease must
 * first expire.
 */
class LeaderFailoverTest {

  private static final String LEASE = "phdeploy-controller";
  private static final Duration LEASE_DURATION = Duration.ofSeconds(3);
  /** The elector retries every fifth of the lease, which fabric8 lengthens by up to 120%. */
  private static final Duration RETRY_INTERVAL =
      LEASE_DURATION.dividedBy(5).multipliedBy(22).dividedBy(10);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int DEPLOYMENTS = 10;

  private final InMemoryCluster cluster =
      InMemoryCluster.builder().catalog(ChurnCatalog.catalog()).start();
  private final PhDeployments deployments =
      PhDeployments.using(cluster.client()).inNamespace("hub");
  private final PhDeployController first = controller("phdeploy-controller-a");
  private final PhDeployController second = controller("phdeploy-controller-b");
  private PhDeployController leader;
  private PhDeployController follower;

  @BeforeEach
  void electALeader() {
    first.start();
    second.start();
    String holder = awaitHolder(identity -> identity != null && !identity.isEmpty());
    leader = holder.equals(identity(first)) ? first : second;
    follower = leader == first ? second : first;
    cluster.journal().reset();
  }

  @AfterEach
  void stop() {
    first.close();
    second.close();
    cluster.close();
  }

  @Test
  void onlyTheLeaderReconcilesAndTheOtherTakesOverWhenTheLeaderDies() {
    createAndAwaitDeployed(0, DEPLOYMENTS);

    assertThat(leader.processing()).isTrue();
    assertThat(follower.processing()).isFalse();
    RequestCounts byLeader = requestsOf(leader);
    RequestCounts byFollower = requestsOf(follower);
    assertThat(byLeader.count(Verb.PATCH, "phdeployments/status")).isPositive();
    assertThat(byLeader.count(Verb.CREATE, "deployments")).isEqualTo(DEPLOYMENTS);
    assertThat(byFollower.writes()).as("writes of the controller that does not lead: %s",
        byFollower).isZero();

    // The leader's process dies, or is cut off: nothing it sends reaches the server any more,
    // so it cannot renew its lease, let alone release it, and the lease must expire before
    // the other may take it.
    cluster.faults().on(null, null).fromUserAgent(userAgent(leader)).respond(503);
    long died = System.nanoTime();
    cluster.journal().reset();
    List<String> createdMeanwhile = create(DEPLOYMENTS, DEPLOYMENTS + 5);
    awaitHolder(identity(follower)::equals);
    Duration takeover = Duration.ofNanos(System.nanoTime() - died);
    awaitDeployed(createdMeanwhile);

    System.out.printf("leader died; the other controller took over in %d ms (lease %d ms)%n",
        takeover.toMillis(), LEASE_DURATION.toMillis());
    assertThat(takeover).isLessThanOrEqualTo(LEASE_DURATION.plus(RETRY_INTERVAL));
    assertThat(follower.processing()).isTrue();
    assertThat(requestsOf(follower).count(Verb.CREATE, "deployments")).isEqualTo(5);
  }

  @Test
  void aLeaderThatStopsReleasesItsLeaseAndTheOtherTakesOverWithinTheLeaseDuration() {
    createAndAwaitDeployed(0, 1);

    long stopped = System.nanoTime();
    leader.close();
    awaitHolder(identity(follower)::equals);
    Duration takeover = Duration.ofNanos(System.nanoTime() - stopped);

    System.out.printf("leader stopped; the other controller took over in %d ms (lease %d ms)%n",
        takeover.toMillis(), LEASE_DURATION.toMillis());
    assertThat(takeover).isLessThan(LEASE_DURATION);
    createAndAwaitDeployed(1, 2);
    assertThat(follower.processing()).isTrue();
  }

  private void createAndAwaitDeployed(int from, int to) {
    awaitDeployed(create(from, to));
  }

  private List<String> create(int from, int to) {
    List<String> names = IntStream.range(from, to).mapToObj(i -> "elected-" + i).toList();
    names.forEach(name -> deployments.create(name, Fixtures.spamClassifier().getSpec()));
    return names;
  }

  private void awaitDeployed(List<String> names) {
    names.forEach(name -> deployments.awaitPhase(name, Phase.DEPLOYED, WAIT));
  }

  private RequestCounts requestsOf(PhDeployController controller) {
    return cluster.journal().snapshot().fromUserAgent(userAgent(controller));
  }

  private String userAgent(PhDeployController controller) {
    return controller == first ? "phdeploy-controller-a" : "phdeploy-controller-b";
  }

  private PhDeployController controller(String userAgent) {
    KubernetesClient client = cluster.newClient(config -> config.withUserAgent(userAgent));
    return PhDeployController.builder(client)
        .catalog(cluster.catalog())
        .leaderElection("hub")
        .lease(LEASE, LEASE_DURATION)
        .workers(2)
        .drain(Duration.ofSeconds(1))
        .build();
  }

  private static String identity(PhDeployController controller) {
    return controller.leaseIdentity().orElseThrow();
  }

  private String awaitHolder(Predicate<String> condition) {
    try {
      List<Lease> leases = cluster.client().leases().inNamespace("hub")
          .withField("metadata.name", LEASE)
          .informOnCondition(list -> list.stream().anyMatch(
              lease -> condition.test(lease.getSpec().getHolderIdentity())))
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      return leases.get(0).getSpec().getHolderIdentity();
    } catch (Exception e) {
      throw new AssertionError("the lease did not reach the expected holder", e);
    }
  }
}
