package io.primehub.phdeploy.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.testkit.Fixtures;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import io.primehub.phdeploy.testkit.server.Faults;
import io.primehub.phdeploy.testkit.server.InjectedFault;
import io.primehub.phdeploy.testkit.server.Verb;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The controller's watches end (a dropped connection) or cannot resume from where they were
 * ({@code 410 Gone}: the resource version expired). Deployments created, changed and stopped
 * while its watches are down still converge: the informers watch again, or list again when
 * their watch is refused, and the controller catches up with what it missed.
 */
class WatchFaultsTest {

  private static final String CONTROLLER = PhDeployEnvironment.CONTROLLER_USER_AGENT;
  /** PhDeployments, Deployments, Services, Ingresses, Secrets and Pods. */
  private static final int WATCHED_KINDS = 6;
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(20);

  private final PhDeployEnvironment env =
      PhDeployEnvironment.builder().catalog(ChurnCatalog.catalog()).start();
  private final PhDeployments deployments = env.deployments();
  private final Faults faults = env.cluster().faults();

  @BeforeEach
  void deployTwo() {
    create(0, 2);
    awaitPhase(0, 2, Phase.DEPLOYED);
    env.awaitIdle(WAIT);
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void changesMadeWhileTheWatchesAreDroppedConvergeOnceTheyWatchAgain() {
    // Every watch of the controller is closed now, and each new one as soon as it opens.
    InjectedFault drop = faults.on(Verb.WATCH, null).fromUserAgent(CONTROLLER).dropWatch();
    assertThat(drop.hits()).as("watches dropped").isGreaterThanOrEqualTo(WATCHED_KINDS);

    changeWhileWatchesAreDown();
    drop.remove();

    awaitConverged();
  }

  @Test
  void watchesRefusedWithGoneRelistAndConverge() {
    long listsBefore = controllerLists();
    // The next watches are refused as a server refuses an expired resource version; the open
    // ones end, so that each informer must start a new one.
    InjectedFault gone = faults.on(Verb.WATCH, null).fromUserAgent(CONTROLLER)
        .times(WATCHED_KINDS).respond(410);
    InjectedFault drop = faults.on(Verb.WATCH, null).fromUserAgent(CONTROLLER).dropWatch();
    assertThat(drop.hits()).as("watches dropped").isGreaterThanOrEqualTo(WATCHED_KINDS);

    changeWhileWatchesAreDown();
    drop.remove();

    awaitConverged();
    assertThat(gone.hits()).as("watches refused with 410").isPositive();
    assertThat(awaitListsAbove(listsBefore)).as("lists after 410 Gone").isGreaterThan(listsBefore);
  }

  /** Creates two deployments, changes the image of one running one and stops the other. */
  private void changeWhileWatchesAreDown() {
    create(2, 4);
    deployments.changeImage(name(0), "registry.example/churn:2.0", "while the watches are down");
    deployments.stop(name(1));
  }

  private void awaitConverged() {
    awaitPhase(0, 1, Phase.DEPLOYED);
    awaitPhase(1, 2, Phase.STOPPED);
    awaitPhase(2, 4, Phase.DEPLOYED);
    assertThat(deployments.history(name(0))).hasSize(2);
    assertThat(deployments.history(name(1))).hasSize(2);
  }

  /**
   * The controller's lists once they exceed {@code before}, or at the deadline: an informer
   * refused with 410 lists again after a back-off, which may end after the deployments it
   * watches converged through the others.
   */
  private long awaitListsAbove(long before) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    long lists = controllerLists();
    while (lists <= before && System.nanoTime() < deadline) {
      LockSupport.parkNanos(POLL.toNanos());
      lists = controllerLists();
    }
    return lists;
  }

  private long controllerLists() {
    return env.cluster().journal().snapshot().fromUserAgent(CONTROLLER).count(Verb.LIST);
  }

  private void create(int from, int to) {
    IntStream.range(from, to).mapToObj(WatchFaultsTest::name)
        .forEach(name -> deployments.create(name, Fixtures.spamClassifier().getSpec()));
  }

  private void awaitPhase(int from, int to, Phase phase) {
    List<String> names = IntStream.range(from, to).mapToObj(WatchFaultsTest::name).toList();
    names.forEach(name -> deployments.awaitPhase(name, phase, WAIT));
  }

  private static String name(int index) {
    return "watched-" + index;
  }
}
