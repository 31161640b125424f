package io.primehub.phdeploy.k8s.standalone;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.k8s.controller.PhDeployController;
import io.primehub.phdeploy.k8s.controller.metrics.MicrometerControllerMetrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller as a process runs it: a {@link PhDeployController} built from
 * {@link ControllerSettings}, its metrics in a Prometheus registry beside the JVM's, and the
 * {@link HealthServer}. It owns the settings' catalog source and closes it.
 */
public final class StandaloneController implements ControllerProbe, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StandaloneController.class);

  private final ControllerSettings settings;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
  private final PhDeployController controller;
  private final CountDownLatch closed = new CountDownLatch(1);
  private @Nullable HealthServer health;
  private volatile boolean started;

  private StandaloneController(ControllerSettings settings, KubernetesClient client) {
    this.settings = settings;
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    PhDeployController.Builder builder = PhDeployController.builder(client)
        .namespace(settings.namespace())
        .catalog(settings.catalog())
        .config(settings.config())
        .workers(settings.workers())
        .metrics(MicrometerControllerMetrics.of(registry));
    if (settings.leaderElection()) {
      builder.leaderElection(settings.leaseNamespace());
    }
    this.controller = builder.build();
  }

  /**
   * Checks the cluster's CRDs, starts the health endpoints and the controller, and returns once
   * the controller's caches are filled. The settings belong to the result from now on; if the
   * start fails, they are closed with everything started so far.
   *
   * @throws StartupFailure saying what is wrong and what to do
   */
  public static StandaloneController start(ControllerSettings settings, KubernetesClient client) {
    LOG.info("Starting the phdeploy controller on {}: {}",
        client.getConfiguration().getMasterUrl(), settings);
    settings.unknownVariables().forEach(name ->
        LOG.warn("{} is set but is no setting of the controller; it is ignored", name));
    StandaloneController standalone = null;
    try {
      CrdCheck.verify(client, settings.config());
      standalone = new StandaloneController(settings, client);
      standalone.run();
      return standalone;
    } catch (RuntimeException e) {
      if (standalone == null) {
        settings.close();
      } else {
        standalone.close();
      }
      throw e instanceof StartupFailure failure ? failure : new StartupFailure(
          "The controller did not start: " + e.getMessage() + ". If the service account may"
              + " not list or watch a kind, apply deploy/rbac.yaml.", e);
    }
  }

  /** Where the health and metrics endpoints are served, unless they are off. */
  public Optional<InetSocketAddress> healthAddress() {
    return Optional.ofNullable(health).map(HealthServer::address);
  }

  /** The running controller. */
  public PhDeployController controller() {
    return controller;
  }

  @Override
  public boolean healthy() {
    return controller.healthy();
  }

  @Override
  public List<String> unhealthyKinds() {
    return controller.unhealthyKinds();
  }

  @Override
  public boolean ready() {
    return started && (controller.processing() || settings.leaderElection());
  }

  /** Waits until {@link #close()} has finished; a process's main thread parks here. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  /** Stops serving, drains in-flight work, stops the controller and closes the catalog. */
  @Override
  public synchronized void close() {
    if (closed.getCount() == 0) {
      return;
    }
    started = false;
    if (health != null) {
      health.close();
    }
    controller.close();
    settings.close();
    gcMetrics.close();
    registry.close();
    closed.countDown();
  }

  private void run() {
    if (settings.healthPort() > 0) {
      try {
        health = HealthServer.start(new InetSocketAddress(settings.healthPort()), this, registry);
      } catch (IOException e) {
        throw new StartupFailure("Cannot serve the health endpoints on port "
            + settings.healthPort() + " (" + Variable.HEALTH_PORT.variableName() + "): "
            + e.getMessage(), e);
      }
    }
    controller.start();
    started = true;
    LOG.info("The phdeploy controller runs{}", settings.leaderElection()
        ? ", processing while it leads through the lease in " + settings.leaseNamespace()
        : "");
  }
}
