package io.primehub.phdeploy.testkit;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import io.primehub.phdeploy.k8s.config.ImmutableControllerConfig;
import io.primehub.phdeploy.k8s.controller.PhDeployController;
import io.primehub.phdeploy.testkit.gateway.ModelRegistry;
import io.primehub.phdeploy.testkit.gateway.PredictionGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Everything a test or a demo needs to see phdeploy work, in one object: an
 * {@link InMemoryCluster} with its prediction gateway, a running {@link PhDeployController}
 * whose endpoints point at the gateway, and the {@link PhDeployments} client SDK.
 *
 * <pre>{@code
 * try (PhDeployEnvironment env = PhDeployEnvironment.builder().start()) {
 *   env.models().serve("registry.example/spam:1.0", request -> ...);
 *   PhDeployment d = env.deployments().create(spec -> ...);
 *   env.deployments().awaitPhase(d.name(), Phase.DEPLOYED, Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class PhDeployEnvironment implements AutoCloseable {

  /** The user agent of the controller's client, by which the journal tells its requests. */
  public static final String CONTROLLER_USER_AGENT = "phdeploy-controller";

  private final InMemoryCluster cluster;
  private final Supplier<PhDeployController> controllers;
  private volatile PhDeployController controller;
  private final PhDeployments deployments;
  private final Consumer<Instant> clockListener;

  private PhDeployEnvironment(Builder builder) {
    InMemoryCluster.Builder clusterBuilder =
        InMemoryCluster.builder().clock(builder.clock).catalog(builder.catalog);
    this.cluster = clusterBuilder.start();
    try {
      ControllerConfig config = builder.config.apply(ImmutableControllerConfig.builder()
              .baseUrl(cluster.gateway().baseUrl().toString()))
          .build();
      KubernetesClient controllerClient = cluster.newClient(
          c -> builder.controllerClient.apply(c.withUserAgent(CONTROLLER_USER_AGENT)));
      this.controllers = () -> {
        PhDeployController.Builder controllerBuilder =
            PhDeployController.builder(controllerClient)
                .catalog(cluster.catalog())
                .config(config)
                .clock(builder.clock)
                .workers(builder.workers)
                .retryBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        builder.controller.accept(controllerBuilder);
        return controllerBuilder.build();
      };
      this.controller = controllers.get();
      this.clockListener = instant -> controller.clockChanged();
      if (builder.clock instanceof ManualClock manual) {
        manual.addListener(clockListener);
      }
      controller.start();
      this.deployments = PhDeployments.using(cluster.client()).inNamespace(builder.namespace);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** An environment with the fixture catalog, the system clock and the namespace {@code hub}. */
  public static PhDeployEnvironment start() {
    return builder().start();
  }

  /** A builder, to choose the clock, the catalog, the namespace and the configuration. */
  public static Builder builder() {
    return new Builder();
  }

  /** The cluster. */
  public InMemoryCluster cluster() {
    return cluster;
  }

  /** The running controller. */
  public PhDeployController controller() {
    return controller;
  }

  /**
   * Stops the controller, draining what it is doing, and starts a new one with the same
   * settings, as a restarted process would: it knows only what its caches list again.
   */
  public synchronized PhDeployController restartController() {
    controller.close();
    PhDeployController restarted = controllers.get();
    restarted.start();
    controller = restarted;
    return restarted;
  }

  /** The client SDK, in the environment's namespace. */
  public PhDeployments deployments() {
    return deployments;
  }

  /** The Java models the gateway answers with, by image. */
  public ModelRegistry models() {
    return cluster.models();
  }

  /** The local prediction endpoint. */
  public PredictionGateway gateway() {
    return cluster.gateway();
  }

  /** The cluster's and the controller's clock. */
  public Clock clock() {
    return cluster.clock();
  }

  /**
   * Waits, without sleeping, until the simulators and the controller have both caught up with
   * each other: a round in which neither made a request ends the wait.
   *
   * @throws IllegalStateException if they are still busy after {@code timeout}
   */
  public void awaitIdle(Duration timeout) {
    cluster.awaitIdle(controller, timeout);
  }

  /** Waits, for thirty seconds at most, until everything is idle; see {@link #awaitIdle(Duration)}. */
  public void awaitIdle() {
    awaitIdle(Duration.ofSeconds(30));
  }

  /** Stops the controller, then the cluster. */
  @Override
  public void close() {
    if (cluster.clock() instanceof ManualClock manual) {
      manual.removeListener(clockListener);
    }
    try {
      controller.close();
    } finally {
      cluster.close();
    }
  }

  /** Chooses how an environment is made, then starts it. */
  public static final class Builder {

    private Clock clock = Clock.systemUTC();
    private Catalog catalog = Fixtures.catalog();
    private String namespace = "hub";
    private int workers = 2;
    private UnaryOperator<ImmutableControllerConfig.Builder> config = UnaryOperator.identity();
    private Consumer<PhDeployController.Builder> controller = builder -> {};
    private UnaryOperator<ConfigBuilder> controllerClient = UnaryOperator.identity();

    private Builder() {}

    /** The clock of the cluster and the controller; a {@link ManualClock} stands still. */
    public Builder clock(Clock environmentClock) {
      this.clock = Objects.requireNonNull(environmentClock, "environmentClock");
      return this;
    }

    /** A {@link ManualClock} starting now, which moves only when the test moves it. */
    public Builder manualClock() {
      return clock(ManualClock.startingNow());
    }

    /** The catalog; the repository's fixture catalog unless set. */
    public Builder catalog(Catalog environmentCatalog) {
      this.catalog = Objects.requireNonNull(environmentCatalog, "environmentCatalog");
      return this;
    }

    /** The namespace of {@link #deployments()}; {@code hub} unless set. */
    public Builder namespace(String environmentNamespace) {
      this.namespace = Objects.requireNonNull(environmentNamespace, "environmentNamespace");
      return this;
    }

    /** The controller's workers; 2 unless set. */
    public Builder workers(int controllerWorkers) {
      this.workers = controllerWorkers;
      return this;
    }

    /**
     * Adjusts the controller's configuration, whose base URL is the gateway's: for example
     * {@code config -> config.deployTimeout(Duration.ofMinutes(1))}.
     */
    public Builder config(UnaryOperator<ImmutableControllerConfig.Builder> adjust) {
      this.config = Objects.requireNonNull(adjust, "adjust");
      return this;
    }

    /** Adjusts the controller further: hooks, a reconciler decorator, metrics. */
    public Builder controller(Consumer<PhDeployController.Builder> adjust) {
      this.controller = Objects.requireNonNull(adjust, "adjust");
      return this;
    }

    /**
     * Adjusts the configuration of the controller's client, whose user agent is
     * {@link #CONTROLLER_USER_AGENT}: for example
     * {@code config -> config.withRequestRetryBackoffLimit(0)}, so that injected errors reach
     * the controller's own retries instead of being retried away by the client.
     */
    public Builder controllerClient(UnaryOperator<ConfigBuilder> adjust) {
      this.controllerClient = Objects.requireNonNull(adjust, "adjust");
      return this;
    }

    /** Starts the cluster, the gateway and the controller. */
    public PhDeployEnvironment start() {
      return new PhDeployEnvironment(this);
    }
  }
}
