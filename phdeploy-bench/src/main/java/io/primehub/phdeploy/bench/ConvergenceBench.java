package io.primehub.phdeploy.bench;

import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.testkit.server.RequestCounts;
import io.primehub.phdeploy.testkit.server.Verb;
import java.util.function.Supplier;

/**
 * Measurements 1 and 4: a fleet created at once until every deployment is Deployed, then a new
 * image for all of it until every one is Deployed again; the controller on one cluster, the
 * {@link MinimalController} on another of the same kind, one after the other.
 */
record ConvergenceBench(BenchSettings settings, Results results) {


  /** One repeat of both measurements, on both sides. */
  void run() throws InterruptedException {
    int count = settings.convergence();
    try (BenchCluster bench = BenchCluster.start(count, settings.workers())) {
      bench.startController();
      bench.awaitIdle();
      measure(bench, "controller", bench::controllerRequests);
    }
    try (BenchCluster bench = BenchCluster.start(count, settings.workers());
        MinimalController baseline = MinimalController.start(
            bench.cluster().newClient(c -> c.withUserAgent(MinimalController.USER_AGENT)),
            bench.cluster().clock(), settings.workers())) {
      bench.awaitIdle();
      measure(bench, "baseline", () -> baseline.requests(bench.cluster().journal()));
    }
  }

  private void measure(BenchCluster bench, String side, Supplier<RequestCounts> requests)
      throws InterruptedException {
    int count = settings.convergence();
    timeUntilDeployed(bench, "convergence." + side, 1, () -> bench.createFleet(count), requests);
    timeUntilDeployed(bench, "update." + side, 2, () -> bench.updateFleet(count), requests);
  }

  /** What the user does to every deployment of the fleet at once. */
  @FunctionalInterface
  private interface FleetChange {
    void apply() throws InterruptedException;
  }

  /**
   * Times {@code change} until every deployment is Deployed at {@code generation}, then counts
   * the requests it took once everything is idle.
   */
  private void timeUntilDeployed(BenchCluster bench, String figure, long generation,
      FleetChange change, Supplier<RequestCounts> requests) throws InterruptedException {
    int count = settings.convergence();
    bench.cluster().journal().reset();
    try (PhaseTally deployed = bench.tally(Phase.DEPLOYED, generation)) {
      long start = System.nanoTime();
      change.apply();
      deployed.await(count, BenchCluster.WAIT);
      results.add(figure + ".seconds", Statistics.secondsSince(start));
      // The watcher closes only once nothing flows: the mock server stalls on a watch that
      // closes with events on their way to it.
      bench.awaitIdle();
    }
    RequestCounts made = requests.get();
    results.add(figure + ".writesPerDeployment", (double) made.writes() / count);
    results.add(figure + ".readsPerDeployment",
        (double) (made.count(Verb.GET) + made.count(Verb.LIST)) / count);
    results.note(figure + ".writesPerDeployment", made.toString());
  }
}
