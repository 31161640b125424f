package io.primehub.phdeploy.k8s.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import io.primehub.phdeploy.k8s.testing.Fixtures;
import io.primehub.phdeploy.mockserver.junit.EnableCrudMockServer;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two controllers elect a leader on a Lease: exactly one processes, the other takes over when
 * the leader goes, and a leader that loses its lease joins the election again.
 */
@EnableCrudMockServer
class LeaderElectionTest {

  private static final String LEASE = "phdeploy-controller";
  private static final Duration LEASE_DURATION = Duration.ofSeconds(2);

  KubernetesClient client;
  private PhDeployController first;
  private PhDeployController second;

  @BeforeEach
  void startTwoControllers() {
    PhDeploymentCrd.installIfAbsent(client);
    first = controller();
    second = controller();
    first.start();
    second.start();
  }

  @AfterEach
  void stop() {
    first.close();
    second.close();
  }

  @Test
  void exactlyOneProcessesAndTheOtherTakesOverWhenTheLeaderGoes() {
    String leader = awaitHolder(holder -> holder != null);
    PhDeployController leading = leader.equals(identity(first)) ? first : second;
    PhDeployController standing = leading == first ? second : first;
    awaitReconciled(create("one"));
    assertThat(leading.processing()).isTrue();
    assertThat(standing.processing()).isFalse();

    leading.close();

    awaitHolder(identity(standing)::equals);
    awaitReconciled(create("two"));
    assertThat(standing.processing()).isTrue();
  }

  @Test
  void aLeaderThatLosesItsLeaseJoinsTheElectionAgainAndLeadsOnceTheOtherGoes() {
    String leader = awaitHolder(holder -> holder != null);
    PhDeployController leading = leader.equals(identity(first)) ? first : second;
    PhDeployController standing = leading == first ? second : first;
    standing.close();

    stealLease("intruder");
    awaitHolder("intruder"::equals);

    awaitHolder(identity(leading)::equals);
    awaitReconciled(create("three"));
    assertThat(leading.processing()).isTrue();
  }

  /** Takes the lease as another instance would, retrying when the leader renews meanwhile. */
  private void stealLease(String intruder) {
    for (int attempt = 1; ; attempt++) {
      Lease lease = client.leases().inNamespace("hub").withName(LEASE).get();
      lease.getSpec().setHolderIdentity(intruder);
      lease.getSpec().setRenewTime(ZonedDateTime.now());
      try {
        client.resource(lease).update();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 10) {
          throw e;
        }
      }
    }
  }

  private PhDeployController controller() {
    return PhDeployController.builder(client)
        .catalog(Fixtures.catalog())
        .leaderElection("hub")
        .lease(LEASE, LEASE_DURATION)
        .workers(1)
        .drain(Duration.ofSeconds(5))
        .build();
  }

  private static String identity(PhDeployController controller) {
    return controller.leaseIdentity().orElseThrow();
  }

  private String awaitHolder(Predicate<String> condition) {
    try {
      List<Lease> leases = client.leases().inNamespace("hub").withField("metadata.name", LEASE)
          .informOnCondition(list -> list.stream().anyMatch(
              l -> condition.test(l.getSpec().getHolderIdentity())))
          .get(30, TimeUnit.SECONDS);
      return leases.get(0).getSpec().getHolderIdentity();
    } catch (Exception e) {
      throw new AssertionError("the lease did not reach the expected holder", e);
    }
  }

  private String create(String name) {
    PhDeployment deployment = Fixtures.spamClassifier();
    deployment.getMetadata().setName(name);
    client.resource(deployment).create();
    return name;
  }

  private void awaitReconciled(String name) {
    client.resources(PhDeployment.class).inNamespace("hub").withName(name)
        .waitUntilCondition(d -> d != null && d.getStatus() != null, 30, TimeUnit.SECONDS);
  }
}
