package io.primehub.phdeploy.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import io.primehub.phdeploy.testkit.DeployedFleet;
import io.primehub.phdeploy.testkit.server.RequestCounts;
import io.primehub.phdeploy.testkit.server.Verb;
import java.io.PrintStream;

/**
 * Measurements 2 and 3: a controller restarted over a fleet of Deployed deployments with full
 * histories, against a bare list of the same objects; and the heap the controller retains for
 * them. The fleet is seeded once ({@link DeployedFleet}) and every repeat restarts a new
 * controller over it: a restart that writes nothing leaves the fleet as it found it.
 *
 * <p>The heap method, all in one JVM, each reading the bytes of the live objects as the JVM's
 * class histogram counts them ({@link Heap}): {@code fixed} is the heap with a controller over an
 * empty cluster of its own minus the same without it, read once before the fleet is seeded,
 * after a first controller has come and gone there (see {@link #fixedHeap}); with
 * the seeded cluster, no controller and the journal emptied, {@code without} is read; after a new
 * controller has started and reconciled every deployment, {@code with}. What the in-memory server
 * and the simulators hold is in both {@code with} and {@code without}; the controller's
 * per-deployment heap is {@code (with - without - fixed) / deployments}.
 *
 * <p>What would otherwise be counted that is not the controller's: the journal keeps every
 * distinct request, so it is emptied before {@code without}. (The in-memory server once greeted
 * each new watch with every current object and held the events until they were sent, megabytes
 * still queued when {@code with} was read; it sends a watch from a version only later changes
 * now, as a real server does.) What the method still counts beyond the controller's
 * per-deployment state: what the controller builds once, when it first reads objects of each
 * kind rather than at start (Jackson's readers of the typed kinds, about 1 MB: 0.5 KB per
 * deployment at 2,000, 0.1 KB at 10,000).
 */
record RestartBench(BenchSettings settings, Results results) {

  /** Seeds the fleet, then takes every repeat of both measurements over it. */
  void run(PrintStream out) throws InterruptedException {
    int count = settings.restart();
    long fixed = fixedHeap();
    out.printf("restart and memory: seeding %,d deployments with %d history records each%n",
        count, settings.history());
    long seeding = System.nanoTime();
    try (BenchCluster bench = BenchCluster.seeded(count, settings.history(), settings.workers())) {
      results.add("restart.seeding.seconds", Statistics.secondsSince(seeding));
      for (int repeat = 1; repeat <= settings.repeats(); repeat++) {
        out.printf("restart and memory: repeat %d of %d%n", repeat, settings.repeats());
        restart(bench, count, fixed);
      }
    }
  }

  private void restart(BenchCluster bench, int count, long fixed) throws InterruptedException {
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

    long with = Heap.usedAfterFullGc();
    results.add("memory.controller.bytesPerDeployment", (double) (with - without - fixed) / count);
    results.add("memory.controller.fixedBytes", fixed);
    bench.stopController();

    long listing = System.nanoTime();
    listEverything(bench.cluster().client());
    results.add("restart.list.seconds", Statistics.secondsSince(listing));
  }

  /**
   * The heap a controller holds over an empty cluster. A first controller comes and goes before
   * the readings: what one makes once per JVM and keeps in static fields (Jackson's mappers and
   * their caches, megabytes) is then in every reading, {@code without} included, and counted in
   * none, rather than subtracted twice.
   */
  private long fixedHeap() throws InterruptedException {
    try (BenchCluster empty = BenchCluster.start(0, settings.workers())) {
      empty.startController();
      empty.awaitIdle();
      empty.stopController();
      long bare = Heap.usedAfterFullGc();
      empty.startController();
      empty.awaitIdle();
      return Heap.usedAfterFullGc() - bare;
    }
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
