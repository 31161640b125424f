package io.primehub.phdeploy.testkit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.InMemoryCatalogSource;
import io.primehub.phdeploy.core.naming.ContainerNames;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.k8s.controller.PhDeployController;
import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import io.primehub.phdeploy.testkit.gateway.ModelRegistry;
import io.primehub.phdeploy.testkit.gateway.PredictionGateway;
import io.primehub.phdeploy.testkit.gateway.ServedPrediction;
import io.primehub.phdeploy.testkit.server.ApiRequest;
import io.primehub.phdeploy.testkit.server.ApiServer;
import io.primehub.phdeploy.testkit.server.Faults;
import io.primehub.phdeploy.testkit.server.Journal;
import io.primehub.phdeploy.testkit.server.PodLogs;
import io.primehub.phdeploy.testkit.sim.Simulators;
import io.primehub.phdeploy.testkit.sim.kubelet.ImageRegistry;
import io.primehub.phdeploy.testkit.sim.kubelet.Images;
import io.primehub.phdeploy.testkit.sim.kubelet.ModelStorage;
import io.primehub.phdeploy.testkit.sim.nodes.NodeSpec;
import io.primehub.phdeploy.testkit.sim.nodes.Nodes;
import io.primehub.phdeploy.testkit.sim.scheduler.Placements;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A Kubernetes cluster in memory, for tests and demos: fabric8's mock API server in CRUD mode,
 * which speaks the real REST and watch protocol, with the {@code PhDeployment} CRD installed and
 * simulators that play the cluster's own machinery (deployment controller, scheduler, kubelet,
 * image registry, PrimeHub's quota webhook, garbage collector). Clients connect to it over HTTP
 * like to any cluster, from this process or from another one through {@link #kubeconfig()}.
 *
 * <pre>{@code
 * try (InMemoryCluster cluster = InMemoryCluster.builder().fixtureCatalog().start()) {
 *   cluster.client().apps().deployments().inNamespace("hub").resource(deployment).create();
 *   cluster.awaitIdle();
 *   ...
 * }
 * }</pre>
 *
 * <p>Starting one takes well under a second, so that each test may have its own.
 */
public final class InMemoryCluster implements AutoCloseable {

  private static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);

  private final Clock clock;
  private final InMemoryCatalogSource catalog;
  private final ApiServer server;
  private final Simulators simulators;
  private final KubernetesClient client;
  private final Path kubeconfig;
  private final List<KubernetesClient> clients = new CopyOnWriteArrayList<>();
  private final Consumer<Instant> clockListener;
  private final ModelRegistry models = new ModelRegistry();
  private PredictionGateway gateway;

  private InMemoryCluster(Builder builder, List<HasMetadata> restored) {
    this.clock = builder.clock;
    this.catalog = InMemoryCatalogSource.of(builder.catalog);
    this.server = ApiServer.start(clock);
    try {
      // The simulators retry through their own events and timers, as controllers do; a client
      // that retried by itself would hold up their loop for as long as a fault lasts.
      KubernetesClient simulatorClient = newClient(config -> config
          .withUserAgent(ApiRequest.SIMULATOR_USER_AGENT)
          .withRequestRetryBackoffLimit(0));
      PhDeploymentCrd.installIfAbsent(simulatorClient);
      server.restore(restored);
      this.simulators = Simulators.start(simulatorClient, server, clock,
          !(clock instanceof ManualClock), catalog, builder.nodes, new Random());
      this.clockListener = instant -> simulators.clockMoved();
      if (clock instanceof ManualClock manual) {
        manual.addListener(clockListener);
      }
      this.client = newClient();
      this.kubeconfig = ClientConfigs.writeKubeconfig(masterUrl());
    } catch (RuntimeException e) {
      clients.forEach(KubernetesClient::close);
      server.close();
      throw e;
    }
  }

  /** Starts a cluster with the system clock, an empty catalog and the default nodes. */
  public static InMemoryCluster start() {
    return builder().start();
  }

  /** A builder, to choose the clock, the catalog and the nodes. */
  public static Builder builder() {
    return new Builder();
  }

  /** A client for the test, with fabric8's defaults and the namespace {@code default}. */
  public KubernetesClient client() {
    return client;
  }

  /** Another client of its own, closed with the cluster. */
  public KubernetesClient newClient() {
    return newClient(UnaryOperator.identity());
  }

  /**
   * Another client of its own, closed with the cluster, configured further: for example with
   * {@code config -> config.withRequestRetryBackoffLimit(0)} so that an injected error is not
   * retried away.
   */
  public KubernetesClient newClient(UnaryOperator<ConfigBuilder> customizer) {
    KubernetesClient created = new KubernetesClientBuilder()
        .withConfig(customizer.apply(ClientConfigs.config(masterUrl())).build())
        .build();
    clients.add(created);
    return created;
  }

  /**
   * A kubeconfig file that points at this cluster, so that another process (the standalone
   * controller, {@code kubectl}) can connect to it as to a real one. Deleted on close.
   */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** The API server's URL, for example {@code http://localhost:40123/}. */
  public String masterUrl() {
    return server.masterUrl();
  }

  /**
   * The groups and instance types: the quota webhook reads group quotas here, and a controller
   * under test may use it as its catalog source.
   */
  public InMemoryCatalogSource catalog() {
    return catalog;
  }

  /** The image registry: which images are missing, private or invalid. */
  public ImageRegistry registry() {
    return simulators.registry();
  }

  /** How containers of an image behave: crashing, slow to become ready. */
  public Images images() {
    return simulators.images();
  }

  /** The model storage, where the storage initializer copies models from. */
  public ModelStorage storage() {
    return simulators.storage();
  }

  /** The nodes pods are scheduled to. */
  public Nodes nodes() {
    return simulators.nodes();
  }

  /** The cluster's clock: a {@link ManualClock} if the test gave one, else the system's. */
  public Clock clock() {
    return clock;
  }

  /** Faults to inject into requests to the API server. */
  public Faults faults() {
    return server.faults();
  }

  /** The count of requests to the API server. */
  public Journal journal() {
    return server.journal();
  }

  /** The pods' container logs, served on the pods' {@code log} subresource. */
  public PodLogs logs() {
    return server.logs();
  }

  /**
   * The Java models the {@link #gateway()} answers with, by the image of a pod's {@code model}
   * container: {@code cluster.models().serve("registry.example/spam:1.0", request -> ...)}.
   */
  public ModelRegistry models() {
    return models;
  }

  /**
   * The local prediction endpoint, started on first use: it serves
   * {@code <baseUrl>/deployment/<name>/api/v1.0/predictions} round-robin from a deployment's
   * ready pods with the {@link #models()} registered for their images, as PrimeHub's ingress
   * would, and writes an access line for each request to the serving pod's {@code model} log.
   */
  public synchronized PredictionGateway gateway() {
    if (gateway == null) {
      gateway = PredictionGateway.builder(newClient())
          .models(models)
          .onServed(this::logServed)
          .start();
    }
    return gateway;
  }

  private void logServed(ServedPrediction served) {
    logs().append(served.namespace(), served.pod(), ContainerNames.MODEL,
        "%s %s %d %dms".formatted(served.method(), served.path(), served.status(),
            served.elapsed().toMillis()));
  }

  /**
   * Waits, for ten seconds at most, until the simulators are idle; see
   * {@link #awaitIdle(Duration)}.
   */
  public void awaitIdle() {
    awaitIdle(DEFAULT_IDLE_TIMEOUT);
  }

  /**
   * Waits, without sleeping, until the simulators have processed every change made so far and
   * have nothing left to do: the pods and Deployments they look after are as the rules make them
   * now. Work that the clock makes due later (a readiness delay, a back-off) is not waited for,
   * nor is a pod creation retried a second after a webhook denied it.
   *
   * @throws IllegalStateException naming what is outstanding if they are still busy after the
   *     timeout, or if the thread is interrupted
   */
  public void awaitIdle(Duration timeout) {
    try {
      simulators.awaitIdle(timeout);
    } catch (TimeoutException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the simulators", e);
    }
  }

  /**
   * Waits, without sleeping, until the simulators and this controller have both caught up with
   * each other: a round in which neither made a request ends the wait. Events still on their way
   * to the controller's informers are not seen: after a deletion, the controller may yet
   * re-create an owned object from a cache a moment behind, as a real controller may, and the
   * garbage collector delete it again; {@link #awaitCollected} waits for that to be over.
   *
   * @throws IllegalStateException if they are still busy after {@code timeout}, or if the thread
   *     is interrupted
   */
  public void awaitIdle(PhDeployController controller, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long before;
    do {
      before = journal().snapshot().total();
      awaitIdle(untilDeadline(deadline));
      try {
        if (!controller.awaitIdle(untilDeadline(deadline))) {
          throw new IllegalStateException("the controller is still busy after " + timeout);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the controller", e);
      }
      awaitIdle(untilDeadline(deadline));
    } while (journal().snapshot().total() != before && System.nanoTime() < deadline);
    if (journal().snapshot().total() != before) {
      throw new IllegalStateException(
          "the cluster and the controller are still busy after " + timeout);
    }
  }

  /**
   * Waits, without sleeping, until nothing a deleted PhDeployment owned is left in its namespace:
   * no Deployment, Service, Ingress, Secret or pod with its {@code primehub.io/phdeployment}
   * label.
   *
   * @throws IllegalStateException naming what is left after {@code timeout}, or if the thread is
   *     interrupted
   */
  public void awaitCollected(String namespace, String name, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    awaitNoneLeft(client.apps().deployments(), namespace, name, deadline);
    awaitNoneLeft(client.services(), namespace, name, deadline);
    awaitNoneLeft(client.network().v1().ingresses(), namespace, name, deadline);
    awaitNoneLeft(client.secrets(), namespace, name, deadline);
    awaitNoneLeft(client.pods(), namespace, name, deadline);
  }

  private static <T extends HasMetadata> void awaitNoneLeft(
      MixedOperation<T, ? extends KubernetesResourceList<T>, ?> kind, String namespace,
      String name, long deadline) {
    var owned = kind.inNamespace(namespace).withLabel(PodLabels.DEPLOYMENT, name);
    try {
      owned.informOnCondition(List::isEmpty)
          .get(untilDeadline(deadline).toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IllegalStateException("still there after the deletion of " + namespace + "/"
          + name + ": " + owned.list().getItems().stream()
              .map(object -> object.getMetadata().getName()).toList(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the collector", e);
    }
  }

  private static Duration untilDeadline(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  /** Stops the simulators, the clients and the server, and deletes the kubeconfig. */
  @Override
  public void close() {
    synchronized (this) {
      if (gateway != null) {
        gateway.close();
      }
    }
    if (clock instanceof ManualClock manual) {
      manual.removeListener(clockListener);
    }
    simulators.close();
    clients.forEach(KubernetesClient::close);
    server.close();
    ClientConfigs.deleteKubeconfig(kubeconfig);
  }

  /** Chooses the clock, the catalog and the nodes of a cluster, then starts it. */
  public static final class Builder {

    private Clock clock = Clock.systemUTC();
    private Catalog catalog = Catalog.empty();
    private List<NodeSpec> nodes = Nodes.defaults();
    private final List<DeployedFleet> fleets = new ArrayList<>();

    private Builder() {}

    /** The cluster's clock; a {@link ManualClock} makes time move only when the test moves it. */
    public Builder clock(Clock clusterClock) {
      this.clock = Objects.requireNonNull(clusterClock, "clusterClock");
      return this;
    }

    /** The catalog of groups and instance types to start with. */
    public Builder catalog(Catalog startCatalog) {
      this.catalog = Objects.requireNonNull(startCatalog, "startCatalog");
      return this;
    }

    /**
     * The repository's fixture catalog, {@code fixtures/catalog.yaml}: the groups phusers and
     * sandbox, the instance types cpu-only and gpu-1.
     */
    public Builder fixtureCatalog() {
      return catalog(Fixtures.catalog());
    }

    /** These nodes instead of the default ones. */
    public Builder nodes(NodeSpec... clusterNodes) {
      this.nodes = new ArrayList<>(List.of(clusterNodes));
      return this;
    }

    /**
     * A fleet of deployments the cluster starts with, already {@code Deployed}; see
     * {@link DeployedFleet}. Several fleets must not share a deployment's name.
     */
    public Builder deployedFleet(DeployedFleet fleet) {
      fleets.add(Objects.requireNonNull(fleet, "fleet"));
      return this;
    }

    /**
     * Starts the cluster, with its fleets stored, and waits until its simulators are idle.
     *
     * @throws IllegalArgumentException if a fleet's spec does not resolve in the catalog
     * @throws IllegalStateException if a fleet's spec does not converge or its pods fit no node
     */
    public InMemoryCluster start() {
      List<HasMetadata> restored = new ArrayList<>();
      Placements placements = new Placements(nodes);
      for (DeployedFleet fleet : fleets) {
        restored.addAll(FleetObjects.of(fleet, clock, catalog, nodes, placements, new Random()));
      }
      InMemoryCluster cluster = new InMemoryCluster(this, restored);
      try {
        // The simulators look once at every restored pod and Deployment.
        cluster.awaitIdle(DEFAULT_IDLE_TIMEOUT.plusMillis(restored.size()));
      } catch (IllegalStateException e) {
        cluster.close();
        throw e;
      }
      return cluster;
    }
  }
}
