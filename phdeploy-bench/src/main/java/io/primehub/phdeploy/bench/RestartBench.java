package io.primehub.phdeploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.primehub.phdeploy.core.model.HistoryRecord;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.WireJson;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import io.primehub.phdeploy.testkit.server.RequestCounts;
import io.primehub.phdeploy.testkit.server.Verb;
import java.time.Duration;
import java.time.Instant;

/**
 * Measurements 2 and 3: a controller restarted over a fleet of Deployed deployments with full
 * histories, against a bare list of the same objects; and the heap the controller retains for
 * them.
 *
 * <p>The heap method, all in one JVM and one cluster, each reading the bytes of the live objects
 * as the JVM's class histogram counts them ({@link Heap}):
 * {@code fixed} is the heap with a controller over the empty cluster minus the same without it;
 * after the fleet is seeded, the controller stopped and the journal emptied, {@code without} is
 * read; after a new controller has started and reconciled every deployment, {@code with}. What
 * the in-memory server and the simulators hold is in both {@code with} and {@code without}; the
 * controller's per-deployment heap is {@code (with - without - fixed) / deployments}.
 *
 * <p>What would otherwise be counted that is not the controller's: the journal keeps every
 * distinct request of the seeding (about 0.2 KB per deployment), so it is emptied before
 * {@code without}; the in-memory server sends a new watch every current object again and holds
 * the events until they are sent, several megabytes just after the restart, so {@code with} is
 * read once the live heap has stopped shrinking ({@link Heap#usedOnceSettled()}). What the
 * method still counts beyond the controller's per-deployment state: what the controller builds
 * once, when it first reads objects of each kind rather than at start (Jackson's readers of the
 * typed kinds, about 1 MB: 0.5 KB per deployment at 2,000, 0.1 KB at 10,000).
 */
record RestartBench(BenchSettings settings, Results results) {

  private static final ObjectMapper JSON = WireJson.mapper();


  /** One repeat of both measurements. */
  void run() throws InterruptedException {
    int count = settings.restart();
    try (BenchCluster bench = BenchCluster.start(count, settings.workers())) {
      long bare = Heap.usedAfterFullGc();
      bench.startController();
      bench.awaitIdle();
      long fixed = Heap.usedAfterFullGc() - bare;

      long seeding = System.nanoTime();
      seed(bench, count);
      results.add("restart.seeding.seconds", Statistics.secondsSince(seeding));
      bench.stopController();
      bench.cluster().journal().reset();
      long without = Heap.usedAfterFullGc();

      long start = System.nanoTime();
      bench.startController();
      bench.reconciles().await(count, BenchCluster.WAIT);
      bench.awaitIdle();
      results.add("restart.controller.seconds", Statistics.secondsSince(start));
      RequestCounts requests = bench.controllerRequests();
      results.add("restart.controller.writes", requests.writes());
      results.add("restart.controller.gets", requests.count(Verb.GET));
      results.note("restart.controller.writes", requests.toString());

      long with = Heap.usedOnceSettled();
      results.add("memory.controller.bytesPerDeployment", (double) (with - without - fixed) / count);
      results.add("memory.controller.fixedBytes", fixed);

      long listing = System.nanoTime();
      listEverything(bench.cluster().client());
      results.add("restart.list.seconds", Statistics.secondsSince(listing));
    }
  }

  /** Deployed deployments through the controller, then older records behind each history. */
  private void seed(BenchCluster bench, int count) throws InterruptedException {
    try (PhaseTally deployed = bench.tally(Phase.DEPLOYED, 1)) {
      bench.createFleet(count);
      deployed.await(count, BenchCluster.WAIT);
      bench.awaitIdle();
    }
    String olderRecords = olderRecords(bench.cluster().clock().instant()).toString();
    KubernetesClient client = bench.cluster().client();
    BenchCluster.atOnce(count, i -> client.resources(PhDeployment.class)
        .inNamespace(Fleet.NAMESPACE).withName(Fleet.name(i)).subresource("status")
        .patch(PatchContext.of(PatchType.JSON), olderRecords));
    bench.awaitIdle();
  }

  /** A JSON patch that appends the records of earlier images, one a day, oldest last. */
  private ArrayNode olderRecords(Instant now) {
    ArrayNode patch = JSON.createArrayNode();
    for (int age = 1; age < settings.history(); age++) {
      HistoryRecord record = HistoryRecord.of(now.minus(Duration.ofDays(age)),
          Fleet.spec("sandhya1594/spam-classifier:0.9." + age));
      patch.addObject().put("op", "add").put("path", "/status/history/-")
          .set("value", JSON.valueToTree(record));
    }
    return patch;
  }

  /** The lists the controller's informers make, one after the other, as one client would. */
  private static void listEverything(KubernetesClient client) {
    client.genericKubernetesResources(PhDeploymentCrd.context())
        .inNamespace(Fleet.NAMESPACE).list();
    client.apps().deployments().inNamespace(Fleet.NAMESPACE)
        .withLabel(PodLabels.DEPLOYMENT).list();
    client.services().inNamespace(Fleet.NAMESPACE).withLabel(PodLabels.DEPLOYMENT).list();
    client.network().v1().ingresses().inNamespace(Fleet.NAMESPACE)
        .withLabel(PodLabels.DEPLOYMENT).list();
    client.secrets().inNamespace(Fleet.NAMESPACE).withLabel(PodLabels.DEPLOYMENT).list();
    client.pods().inNamespace(Fleet.NAMESPACE).withLabel(PodLabels.GROUP).list();
  }
}
