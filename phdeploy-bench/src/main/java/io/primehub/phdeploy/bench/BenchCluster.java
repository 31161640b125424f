package io.primehub.phdeploy.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import io.primehub.phdeploy.k8s.config.ImmutableControllerConfig;
import io.primehub.phdeploy.k8s.controller.PhDeployController;
import io.primehub.phdeploy.testkit.DeployedFleet;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import io.primehub.phdeploy.testkit.server.RequestCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * An in-memory cluster sized for a fleet, with what every measurement does on it: a user's
 * client that writes many deployments at once, a controller that can be started and stopped,
 * and the journal's count of the controller's requests.
 */
final class BenchCluster implements AutoCloseable {

  /** How long any one wait of a benchmark may last before the run is declared broken. */
  static final Duration WAIT = Duration.ofMinutes(5);
  /** The user's writes are sent from this many threads, on either side of a comparison. */
  private static final int USER_THREADS = 8;

  private final InMemoryCluster cluster;
  private final int workers;
  private KubernetesClient controllerClient;
  private final ReconcileCounter reconciles = new ReconcileCounter();
  private final PhDeployments user;
  private PhDeployController controller;

  /** The configuration of every controller a benchmark starts, and of the seeded fleets. */
  private static final ControllerConfig CONFIG =
      ImmutableControllerConfig.builder().baseUrl("http://localhost").build();

  private BenchCluster(InMemoryCluster.Builder builder, int workers) {
    this.cluster = builder.start();
    this.workers = workers;
    this.user = PhDeployments.using(cluster.client()).inNamespace(Fleet.NAMESPACE);
  }

  /** A cluster with room for {@code pods} pods, whose controller would run {@code workers}. */
  static BenchCluster start(int pods, int workers) {
    return new BenchCluster(clusterFor(pods), workers);
  }

  /**
   * A cluster that starts with the first {@code count} deployments of the fleet Deployed, each
   * with {@code history} records (the older ones of earlier images, one a day), as the testkit's
   * {@link DeployedFleet} seeds them for this benchmark's controller.
   */
  static BenchCluster seeded(int count, int history, int workers) {
    DeployedFleet fleet = DeployedFleet.of(Fleet.spec(Fleet.IMAGE))
        .namespace(Fleet.NAMESPACE).count(count).names(Fleet::name)
        .history(history, age -> Fleet.spec("sandhya1594/spam-classifier:0.9." + age))
        .config(CONFIG);
    return new BenchCluster(clusterFor(count).deployedFleet(fleet), workers);
  }

  private static InMemoryCluster.Builder clusterFor(int pods) {
    return InMemoryCluster.builder().catalog(Fleet.catalog()).nodes(Fleet.nodesFor(pods));
  }

  InMemoryCluster cluster() {
    return cluster;
  }

  /** The SDK as the user's. */
  PhDeployments user() {
    return user;
  }

  /** Reconciles of the controller since {@link #startController()}. */
  ReconcileCounter reconciles() {
    return reconciles;
  }

  /**
   * Starts a controller as the testkit's environment does, on a client of its own as a new
   * process would have; returns once its caches are full.
   */
  void startController() {
    reconciles.reset();
    controllerClient = cluster.newClient(
        c -> c.withUserAgent(PhDeployEnvironment.CONTROLLER_USER_AGENT));
    controller = PhDeployController.builder(controllerClient)
        .catalog(cluster.catalog())
        .config(CONFIG)
        .clock(cluster.clock())
        .workers(workers)
        .metrics(reconciles)
        .syncTimeout(WAIT)
        .build();
    controller.start();
  }

  /** Stops the controller, draining its work. */
  void stopController() {
    controller.close();
    controller = null;
    controllerClient.close();
  }

  /** Waits until the simulators and the controller, if one runs, have nothing left to do. */
  void awaitIdle() {
    if (controller == null) {
      cluster.awaitIdle(WAIT);
    } else {
      cluster.awaitIdle(controller, WAIT);
    }
  }

  /** The controller's requests since the journal was last reset. */
  RequestCounts controllerRequests() {
    return cluster.journal().snapshot()
        .fromUserAgent(PhDeployEnvironment.CONTROLLER_USER_AGENT);
  }

  /** Creates the first {@code count} deployments of the fleet at once, from several threads. */
  void createFleet(int count) throws InterruptedException {
    atOnce(count, i -> user.create(Fleet.name(i), Fleet.spec(Fleet.IMAGE)));
  }

  /** Gives the first {@code count} deployments the new image at once. */
  void updateFleet(int count) throws InterruptedException {
    atOnce(count, i -> user.changeImage(Fleet.name(i), Fleet.NEW_IMAGE, "the new image"));
  }

  /** A tally of deployments in {@code phase} at generation {@code minGeneration} or later. */
  PhaseTally tally(Phase phase, long minGeneration) {
    return PhaseTally.of(cluster.client(), phase, minGeneration);
  }

  /** Runs {@code action} for 0 to {@code count - 1} from the user's threads, all at once. */
  static void atOnce(int count, IntConsumer action) throws InterruptedException {
    ExecutorService threads = Executors.newFixedThreadPool(USER_THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        done.add(threads.submit(() -> action.accept(index)));
      }
      for (Future<?> each : done) {
        each.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      threads.shutdown();
    }
  }

  @Override
  public void close() {
    if (controller != null) {
      controller.close();
    }
    cluster.close();
  }
}
