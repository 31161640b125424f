package io.primehub.phdeploy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.primehub.phdeploy.testkit.server.InjectedFault;
import io.primehub.phdeploy.testkit.server.RequestCounts;
import io.primehub.phdeploy.testkit.server.Verb;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends ClusterTest {

  private final KubernetesClient noRetries =
      cluster.newClient(config -> config.withRequestRetryBackoffLimit(0));

  @Test
  void anInjectedServerErrorReachesAClientThatDoesNotRetry() {
    noRetries.resource(configMap("settings")).create();
    InjectedFault fault = cluster.faults().on(Verb.GET, "configmaps").named("settings").times(1)
        .respond(500);

    assertThatThrownBy(() -> noRetries.configMaps().inNamespace("hub").withName("settings").get())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(500);
          assertThat(e.getStatus().getReason()).isEqualTo("InternalError");
        });
    assertThat(noRetries.configMaps().inNamespace("hub").withName("settings").get()).isNotNull();
    assertThat(fault.hits()).isEqualTo(1);
    assertThat(fault.exhausted()).isTrue();
  }

  @Test
  void aClientWithFabric8sDefaultRetriesDoesNotSeeOneServerError() {
    cluster.client().resource(configMap("settings")).create();
    cluster.faults().on(Verb.GET, "configmaps").times(1).respond(500);
    cluster.journal().reset();

    assertThat(cluster.client().configMaps().inNamespace("hub").withName("settings").get())
        .isNotNull();
    assertThat(cluster.journal().snapshot().excludingSimulators().count(Verb.GET, "configmaps"))
        .isEqualTo(2);
  }

  @Test
  void aConflictAnswersAnUpdateAsAStaleResourceVersionWould() {
    ConfigMap created = noRetries.resource(configMap("settings")).create();
    cluster.faults().on(Verb.UPDATE, "configmaps").times(1).respond(409);

    ConfigMap changed = new ConfigMapBuilder(created).addToData("b", "2").build();
    assertThatThrownBy(() -> noRetries.resource(changed).update())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(409);
          assertThat(e.getStatus().getMessage()).isEqualTo(
              "Operation cannot be fulfilled on configmaps \"settings\": the object has been"
                  + " modified; please apply your changes to the latest version and try again");
        });
  }

  @Test
  void throttlingAnswers429WithRetryAfter() {
    cluster.faults().on(Verb.LIST, "pods").inNamespace("hub").times(1).respond(429);

    assertThatThrownBy(() -> noRetries.pods().inNamespace("hub").list())
        .isInstanceOfSatisfying(KubernetesClientException.class,
            e -> assertThat(e.getCode()).isEqualTo(429));
    assertThat(noRetries.pods().inNamespace("hub").list().getItems()).isEmpty();
  }

  @Test
  void aDelayedAnswerArrivesLate() {
    noRetries.resource(configMap("settings")).create();
    cluster.faults().on(Verb.GET, "configmaps").delay(Duration.ofMillis(300));

    long start = System.nanoTime();
    assertThat(noRetries.configMaps().inNamespace("hub").withName("settings").get()).isNotNull();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void anInformerWhoseWatchIsDroppedWatchesAgainAndMissesNothing() {
    try (SharedIndexInformer<ConfigMap> informer = configMapInformer()) {
      cluster.journal().reset();
      InjectedFault drop = cluster.faults().on(Verb.WATCH, "configmaps").times(1).dropWatch();
      assertThat(drop.hits()).isEqualTo(1);

      noRetries.resource(configMap("after-the-drop")).create();

      awaitCached(informer, "after-the-drop");
      RequestCounts since = cluster.journal().snapshot().excludingSimulators();
      assertThat(since.count(Verb.LIST, "configmaps") + since.count(Verb.WATCH, "configmaps"))
          .as("the informer listed or watched again").isPositive();
    }
  }

  @Test
  void anInformerWhoseWatchIsGoneListsAgain() {
    try (SharedIndexInformer<ConfigMap> informer = configMapInformer()) {
      cluster.faults().on(Verb.WATCH, "configmaps").times(1).respond(410);
      cluster.journal().reset();
      cluster.faults().on(Verb.WATCH, "configmaps").times(1).dropWatch();

      noRetries.resource(configMap("after-the-relist")).create();

      awaitCached(informer, "after-the-relist");
      assertThat(cluster.journal().snapshot().excludingSimulators().count(Verb.LIST, "configmaps"))
          .isPositive();
    }
  }

  @Test
  void aWatchFromBeforeADeletionIsToldOfItAsByARealServer() {
    noRetries.resource(configMap("doomed")).create();
    // An informer's protocol, by hand, with a deletion between its list and its watch.
    String listed = noRetries.configMaps().inNamespace("hub").list().getMetadata()
        .getResourceVersion();
    noRetries.configMaps().inNamespace("hub").withName("doomed").delete();
    CompletableFuture<ConfigMap> deleted = new CompletableFuture<>();

    Watch watch = noRetries.configMaps().inNamespace("hub").watch(
        new ListOptionsBuilder().withResourceVersion(listed).build(), new Watcher<>() {
          @Override
          public void eventReceived(Action action, ConfigMap configMap) {
            if (action == Action.DELETED) {
              deleted.complete(configMap);
            }
          }

          @Override
          public void onClose(WatcherException cause) {
            deleted.completeExceptionally(cause);
          }
        });
    try {
      assertThat(deleted).succeedsWithin(Duration.ofSeconds(10))
          .extracting(configMap -> configMap.getMetadata().getName()).isEqualTo("doomed");
    } finally {
      watch.close();
    }
  }

  @Test
  void faultsSpareTheSimulatorsUnlessTold() {
    cluster.faults().on(Verb.CREATE, "pods").respond(500);
    cluster.client().resource(Workloads.deployment("spared").build()).create();
    cluster.awaitIdle();
    assertThat(cluster.client().pods().inNamespace("hub").list().getItems()).hasSize(1);

    cluster.faults().clear();
    cluster.faults().on(Verb.CREATE, "pods").includingSimulators().respond(500);
    cluster.client().resource(Workloads.deployment("hit").build()).create();
    cluster.awaitIdle();
    assertThat(Observed.condition(Observed.status(cluster.client(), "hit"), "ReplicaFailure"))
        .hasValueSatisfying(c -> assertThat(c.getMessage())
            .isEqualTo("Internal error occurred: injected by phdeploy-testkit"));

    cluster.faults().clear();
    cluster.client().apps().deployments().inNamespace("hub").withName("deploy-hit")
        .waitUntilCondition(d -> d.getStatus() != null
            && Integer.valueOf(1).equals(d.getStatus().getAvailableReplicas()),
            10, TimeUnit.SECONDS);
  }

  @Test
  void aFaultCanHitOneUserAgentOnly() {
    KubernetesClient controller = cluster.newClient(config -> config
        .withUserAgent("controller-under-test").withRequestRetryBackoffLimit(0));
    cluster.faults().on(Verb.LIST, "configmaps").fromUserAgent("controller-under-test")
        .respond(503);

    assertThat(noRetries.configMaps().inNamespace("hub").list().getItems()).isEmpty();
    assertThatThrownBy(() -> controller.configMaps().inNamespace("hub").list())
        .isInstanceOfSatisfying(KubernetesClientException.class,
            e -> assertThat(e.getCode()).isEqualTo(503));
  }

  @Test
  void aProbableFaultHitsAsItsSeededRandomSays() {
    noRetries.resource(configMap("settings")).create();
    cluster.faults().on(Verb.GET, "configmaps").withProbability(0.5, new Random(42)).respond(500);
    Random same = new Random(42);
    long expected = IntStream.range(0, 20).filter(i -> same.nextDouble() < 0.5).count();

    long failed = IntStream.range(0, 20).filter(i -> {
      try {
        noRetries.configMaps().inNamespace("hub").withName("settings").get();
        return false;
      } catch (KubernetesClientException e) {
        return true;
      }
    }).count();

    assertThat(failed).isEqualTo(expected).isBetween(1L, 19L);
  }

  /** Waits until the informer delivers the config map of this name to its handlers. */
  private SharedIndexInformer<ConfigMap> configMapInformer() {
    return noRetries.configMaps().inNamespace("hub").inform();
  }

  private static void awaitCached(SharedIndexInformer<ConfigMap> informer, String name) {
    CompletableFuture<ConfigMap> added = new CompletableFuture<>();
    ResourceEventHandler<ConfigMap> handler = new ResourceEventHandler<>() {
      @Override
      public void onAdd(ConfigMap configMap) {
        if (name.equals(configMap.getMetadata().getName())) {
          added.complete(configMap);
        }
      }

      @Override
      public void onUpdate(ConfigMap before, ConfigMap after) {
        onAdd(after);
      }

      @Override
      public void onDelete(ConfigMap configMap, boolean finalStateUnknown) {
        // Only additions matter here.
      }
    };
    informer.addEventHandler(handler);
    assertThat(added).succeedsWithin(Duration.ofSeconds(10));
    informer.removeEventHandler(handler);
  }

  private static ConfigMap configMap(String name) {
    return new ConfigMapBuilder()
        .withNewMetadata().withName(name).withNamespace("hub").endMetadata()
        .addToData("a", "1")
        .build();
  }
}
