package io.primehub.phdeploy.k8s.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.catalog.CatalogSource;
import io.primehub.phdeploy.core.catalog.CatalogSubscription;
import io.primehub.phdeploy.core.history.HistoryPolicy;
import io.primehub.phdeploy.core.validation.SpecValidator;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import io.primehub.phdeploy.k8s.controller.processing.ControllerRuntime;
import io.primehub.phdeploy.k8s.controller.processing.EventQueue;
import io.primehub.phdeploy.k8s.controller.processing.EventRecorder;
import io.primehub.phdeploy.k8s.controller.processing.FailureBackoff;
import io.primehub.phdeploy.k8s.controller.processing.InformerCaches;
import io.primehub.phdeploy.k8s.controller.processing.Leadership;
import io.primehub.phdeploy.k8s.controller.processing.OwnedResourceSync;
import io.primehub.phdeploy.k8s.controller.processing.StatusWriter;
import io.primehub.phdeploy.k8s.desired.DesiredStateFactory;
import io.primehub.phdeploy.k8s.desired.DesiredStateHook;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phdeploy controller, for applications that embed it: it watches PhDeployments and what
 * they own, and makes each one a running model service.
 *
 * <pre>{@code
 * try (PhDeployController controller = PhDeployController.builder(client)
 *     .catalog(catalogSource)
 *     .config(ControllerConfig.builder().baseUrl("https://hub.example").build())
 *     .build()) {
 *   controller.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link #start()} fills the caches (the API server sees one list per kind, then watches)
 * and starts processing, at once or when this instance wins the leader election;
 * {@link #close()} drains in-flight work and stops.
 */
public final class PhDeployController implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PhDeployController.class);

  private final Builder settings;
  private final InformerCaches caches;
  private final ControllerRuntime runtime;
  private final EventQueue events;
  private final @Nullable Leadership leadership;
  private CatalogSubscription catalogSubscription = CatalogSubscription.NONE;
  private volatile boolean started;

  private PhDeployController(Builder settings) {
    this.settings = settings;
    KubernetesClient client = settings.client;
    this.caches = new InformerCaches(
        client, settings.namespace, settings.config.podMonitorEnabled());
    this.events = new EventQueue(client, EventQueue.DEFAULT_CAPACITY);
    DefaultReconciler defaultReconciler = new DefaultReconciler(
        caches,
        new OwnedResourceSync(client, caches.ownedWrites()),
        new StatusWriter(client, caches.deploymentWrites()),
        new EventRecorder(events, settings.clock, settings.config.normalEvents()),
        settings.catalog,
        new DesiredStateFactory(settings.config, settings.hooks),
        settings.config,
        settings.validator,
        settings.historyPolicy,
        settings.clock,
        settings.metrics);
    Reconciler reconciler = Objects.requireNonNull(
        settings.decorator.apply(defaultReconciler), "the reconciler decorator answered null");
    this.runtime = new ControllerRuntime(caches, reconciler, settings.clock, settings.workers,
        settings.metrics, new FailureBackoff<>(settings.retryInitial, settings.retryMax));
    this.leadership = settings.leaseNamespace == null ? null : new Leadership(
        client, settings.leaseNamespace, settings.leaseName, identity(), settings.leaseDuration);
  }

  /** A builder of a controller that works through {@code client}. */
  public static Builder builder(KubernetesClient client) {
    return new Builder(client);
  }

  /**
   * Fills the caches, then starts processing (or joins the leader election). Returns once the
   * caches hold the cluster's state.
   *
   * @throws IllegalStateException if the caches do not fill in time or the controller started
   */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("the controller is started already");
    }
    started = true;
    try {
      caches.start(runtime, settings.syncTimeout);
    } catch (Exception e) {
      caches.close();
      throw new IllegalStateException("the controller's caches did not fill: " + e.getMessage(), e);
    }
    catalogSubscription = settings.catalog.subscribe(runtime::reconcileAll);
    if (leadership == null) {
      runtime.startProcessing();
    } else {
      leadership.start(runtime::startProcessing, () -> runtime.stopProcessing(settings.drain));
    }
    LOG.info("The phdeploy controller watches {}",
        settings.namespace == null ? "all namespaces" : "namespace " + settings.namespace);
  }

  /** Whether this instance processes deployments now (it leads, or there is no election). */
  public boolean processing() {
    return runtime.processing();
  }

  /** The identity this instance stands under in the leader election, if it takes part in one. */
  public Optional<String> leaseIdentity() {
    return Optional.ofNullable(leadership).map(Leadership::identity);
  }

  /** Whether every informer watches; a controller that is not healthy should be restarted. */
  public boolean healthy() {
    return started && caches.healthy();
  }

  /** The kinds whose informer does not watch now, for a health report. */
  public List<String> unhealthyKinds() {
    return caches.unhealthyKinds();
  }

  /** Deployments waiting for or in a reconcile. */
  public int pendingWork() {
    return runtime.pendingWork();
  }

  /**
   * Waits until no deployment is waiting for or in a reconcile and the events recorded meanwhile
   * are written, for tests and tools that must know the controller has caught up. Reconciles
   * scheduled for later do not count.
   *
   * @return whether that happened within {@code timeout}
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    return runtime.awaitIdle(timeout)
        && events.awaitWritten(Duration.ofNanos(deadline - System.nanoTime()));
  }

  /**
   * Tells the controller its clock jumped, so that time-based transitions (the deploy timeout)
   * are looked at at once. Only clocks that jump, such as a test's manual clock, need this.
   */
  public void clockChanged() {
    runtime.clockChanged();
  }

  /** Queues every deployment for a reconcile. */
  public void reconcileAll() {
    runtime.reconcileAll();
  }

  /**
   * Drains in-flight work and the events it recorded, leaves the election and stops the
   * informers.
   */
  @Override
  public synchronized void close() {
    catalogSubscription.close();
    if (leadership != null) {
      leadership.close();
    }
    runtime.stopProcessing(settings.drain);
    events.close(settings.drain);
    caches.close();
    LOG.info("The phdeploy controller stopped");
  }

  private static String identity() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** How to build a {@link PhDeployController}. */
  public static final class Builder {

    private final KubernetesClient client;
    private @Nullable String namespace;
    private CatalogSource catalog;
    private ControllerConfig config = ControllerConfig.defaults();
    private Clock clock = Clock.systemUTC();
    private int workers = 4;
    private SpecValidator validator = SpecValidator.withDefaults();
    private HistoryPolicy historyPolicy = HistoryPolicy.defaults();
    private final List<DesiredStateHook> hooks = new ArrayList<>();
    private UnaryOperator<Reconciler> decorator = UnaryOperator.identity();
    private ControllerMetrics metrics = ControllerMetrics.NONE;
    private @Nullable String leaseNamespace;
    private String leaseName = "phdeploy-controller";
    private Duration leaseDuration = Duration.ofSeconds(15);
    private Duration syncTimeout = Duration.ofMinutes(2);
    private Duration drain = Duration.ofSeconds(30);
    private Duration retryInitial = Duration.ofMillis(500);
    private Duration retryMax = Duration.ofMinutes(5);

    private Builder(KubernetesClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /** Watch one namespace; all namespaces unless set. */
    public Builder namespace(@Nullable String namespace) {
      this.namespace = namespace == null || namespace.isBlank() ? null : namespace;
      return this;
    }

    /** Where groups and instance types come from; required. */
    public Builder catalog(CatalogSource catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /** The configuration of generated resources and the deploy timeout. */
    public Builder config(ControllerConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The clock of history records, conditions and the deploy timeout; UTC system clock unless set. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How many deployments are reconciled at once; 4 unless set. */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1, got " + workers);
      }
      this.workers = workers;
      return this;
    }

    /** The validator of specs, for other limits than the defaults. */
    public Builder validator(SpecValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /** The history's limits; {@link HistoryPolicy#defaults()} unless set. */
    public Builder historyPolicy(HistoryPolicy historyPolicy) {
      this.historyPolicy = Objects.requireNonNull(historyPolicy, "historyPolicy");
      return this;
    }

    /** Adds a hook that adjusts generated resources; hooks run in the order added. */
    public Builder hook(DesiredStateHook hook) {
      hooks.add(Objects.requireNonNull(hook, "hook"));
      return this;
    }

    /**
     * Wraps or replaces the reconciler: the function receives the {@link DefaultReconciler}
     * and answers the reconciler the controller runs.
     */
    public Builder reconciler(UnaryOperator<Reconciler> decorator) {
      this.decorator = Objects.requireNonNull(decorator, "decorator");
      return this;
    }

    /** Where to report metrics; nowhere unless set. */
    public Builder metrics(ControllerMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * Process only while leading: elect a leader among the instances through the Lease
     * {@code phdeploy-controller} in {@code leaseNamespace}.
     */
    public Builder leaderElection(String leaseNamespace) {
      this.leaseNamespace = Objects.requireNonNull(leaseNamespace, "leaseNamespace");
      return this;
    }

    /** The Lease's name and duration; {@code phdeploy-controller} and 15 s unless set. */
    public Builder lease(String name, Duration duration) {
      this.leaseName = Objects.requireNonNull(name, "name");
      this.leaseDuration = Objects.requireNonNull(duration, "duration");
      return this;
    }

    /** How long {@link #start()} waits for the caches; 2 minutes unless set. */
    public Builder syncTimeout(Duration syncTimeout) {
      this.syncTimeout = Objects.requireNonNull(syncTimeout, "syncTimeout");
      return this;
    }

    /**
     * How long {@link #close()} lets in-flight work finish, and then as long for the events it
     * recorded to be written; 30 s each unless set.
     */
    public Builder drain(Duration drain) {
      this.drain = Objects.requireNonNull(drain, "drain");
      return this;
    }

    /** The backoff of failed reconciles: first delay and cap; 500 ms and 5 min unless set. */
    public Builder retryBackoff(Duration initial, Duration max) {
      this.retryInitial = Objects.requireNonNull(initial, "initial");
      this.retryMax = Objects.requireNonNull(max, "max");
      return this;
    }

    /**
     * The controller.
     *
     * @throws IllegalStateException if no catalog was given
     */
    public PhDeployController build() {
      if (catalog == null) {
        throw new IllegalStateException(
            "a catalog source is required: PhDeployController.builder(client).catalog(...)");
      }
      return new PhDeployController(this);
    }
  }
}
