package io.primehub.phdeploy.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import io.primehub.phdeploy.testkit.server.RequestCounts;
import io.primehub.phdeploy.testkit.server.Verb;

/**
 * Measurements 2 and 3: a controller restarted over a fleet of Deployed deployments with full
 * histories, against a bare list of the same objects; and the heap the controller retains for
 * them.
 *
 * <p>The fleet is seeded by the testkit's {@code DeployedFleet}: the cluster starts with every
 * deployment, its owned objects and its ready pods stored as a controller and the simulators
 * would have left them, so that a fleet of ten thousand takes seconds rather than the hours its
 * rollouts would. The restart is that of a controller over a cluster it has never seen, as after
 * a crash or an upgrade.
 *
 * <p>The heap method, all in one JVM: {@code fixed} is the heap after full collections with a
 * controller over an empty cluster minus the same without it; with the seeded cluster and no
 * controller, {@code without} is the heap after full collections; after a controller has started
 * and reconciled every deployment, {@code with} is read the same way. What the in-memory server
 * and the simulators hold is in both {@code with} and {@code without}; the controller's
 * per-deployment heap is {@code (with - without - fixed) / deployments}.
 */
record RestartBench(BenchSettings settings, Results results) {

  /** One repeat of both measurements, over a freshly seeded fleet. */
  void run() throws InterruptedException {
    int count = settings.restart();
    long fixed = fixedHeap();

    long seeding = System.nanoTime();
    try (BenchCluster bench = BenchCluster.seeded(count, settings.history(), settings.workers())) {
      results.add("restart.seeding.seconds", Statistics.secondsSince(seeding));
      long without = Heap.usedAfterFullGc();

      bench.cluster().journal().reset();
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

      long listing = System.nanoTime();
      listEverything(bench.cluster().client());
      results.add("restart.list.seconds", Statistics.secondsSince(listing));
    }
  }

  /** The heap a controller holds over an empty cluster. */
  private long fixedHeap() throws InterruptedException {
    try (BenchCluster empty = BenchCluster.start(0, settings.workers())) {
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
