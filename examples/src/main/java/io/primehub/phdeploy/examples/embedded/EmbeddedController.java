package io.primehub.phdeploy.examples.embedded;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.primehub.phdeploy.core.catalog.CatalogSource;
import io.primehub.phdeploy.k8s.catalog.CatalogSources;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import io.primehub.phdeploy.k8s.controller.PhDeployController;
import io.primehub.phdeploy.k8s.controller.metrics.MicrometerControllerMetrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * An application that runs the phdeploy controller inside itself rather than as its own
 * process: it brings the Kubernetes client, the catalog and the configuration, adjusts what the
 * controller generates, audits what it does, and reads its metrics.
 *
 * <pre>
 * java ... EmbeddedController catalog.yaml https://hub.example
 * </pre>
 */
public final class EmbeddedController implements AutoCloseable {

  private final PhDeployController controller;
  private final AuditTrail[] audit = new AuditTrail[1];
  private final MeterRegistry metrics = new SimpleMeterRegistry();

  private EmbeddedController(KubernetesClient client, CatalogSource catalog, String baseUrl) {
    this.controller = PhDeployController.builder(client)
        .catalog(catalog)
        .config(ControllerConfig.builder().baseUrl(baseUrl).build())
        .hook(new CostCenterLabels(Map.of("phusers", "cc-4711")))
        .reconciler(defaultReconciler -> audit[0] = new AuditTrail(defaultReconciler))
        .metrics(MicrometerControllerMetrics.of(metrics))
        .build();
  }

  /** Builds and starts the controller; it watches all namespaces the client may see. */
  public static EmbeddedController start(
      KubernetesClient client, CatalogSource catalog, String baseUrl) {
    EmbeddedController embedded = new EmbeddedController(client, catalog, baseUrl);
    embedded.controller.start();
    return embedded;
  }

  /** What the audit trail recorded. */
  public List<String> auditTrail() {
    return audit[0].entries();
  }

  /** The application's metrics, the controller's among them. */
  public MeterRegistry metrics() {
    return metrics;
  }

  /** Stops the controller, draining what it is doing. */
  @Override
  public void close() {
    controller.close();
  }

  /** Runs until the JVM is asked to stop: arguments are the catalog file and the base URL. */
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: EmbeddedController <catalog.yaml> <base URL of endpoints>");
      System.exit(2);
    }
    KubernetesClient client = new KubernetesClientBuilder().build();
    EmbeddedController embedded =
        start(client, CatalogSources.fromFile(Path.of(args[0])), args[1]);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      embedded.close();
      client.close();
      stopped.countDown();
    }));
    stopped.await();
  }
}
