package io.primehub.phdeploy.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.config.ImmutableControllerConfig;
import io.primehub.phdeploy.k8s.desired.DesiredState;
import io.primehub.phdeploy.k8s.desired.DesiredStateFactory;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Measurement 5: create to Deployed inside a test that uses {@code @PhDeployTest}, against the
 * raw round trips of the same writes (the user's create, three creates, two status patches, two
 * events) sent one after the other to an in-memory cluster of the same kind.
 */
record LatencyBench(BenchSettings settings, Results results) {

  /** The most samples one run takes: the default nodes hold this many one-replica pods. */
  static final int MAX_SAMPLES = 100;


  /** One repeat: the test, then the raw round trips. */
  void run() {
    int samples = Math.min(settings.latencySamples(), MAX_SAMPLES);
    List<Double> inTest = inTest(samples);
    results.add("latency.test.p50.seconds", Statistics.percentile(inTest, 50));
    results.add("latency.test.p99.seconds", Statistics.percentile(inTest, 99));
    List<Double> raw = rawRoundTrips(samples);
    results.add("latency.raw.p50.seconds", Statistics.percentile(raw, 50));
    results.add("latency.raw.p99.seconds", Statistics.percentile(raw, 99));
  }

  private static List<Double> inTest(int samples) {
    CreateToDeployedProbe.samples = samples;
    synchronized (CreateToDeployedProbe.SECONDS) {
      CreateToDeployedProbe.SECONDS.clear();
    }
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(CreateToDeployedProbe.class)).build(), summary);
    TestExecutionSummary outcome = summary.getSummary();
    if (outcome.getTotalFailureCount() > 0 || outcome.getTestsSucceededCount() != 1) {
      Throwable cause = outcome.getFailures().isEmpty()
          ? null : outcome.getFailures().get(0).getException();
      throw new IllegalStateException("the create-to-Deployed test did not pass", cause);
    }
    synchronized (CreateToDeployedProbe.SECONDS) {
      return List.copyOf(CreateToDeployedProbe.SECONDS);
    }
  }

  private static List<Double> rawRoundTrips(int samples) {
    Catalog catalog = Fleet.catalog();
    DesiredStateFactory factory = new DesiredStateFactory(
        ImmutableControllerConfig.builder().baseUrl("http://localhost").build());
    List<Double> seconds = new ArrayList<>();
    try (InMemoryCluster cluster = InMemoryCluster.builder().catalog(catalog).start()) {
      KubernetesClient client = cluster.client();
      for (int i = 0; i < samples; i++) {
        long start = System.nanoTime();
        PhDeployment deployment = client.resource(
            PhDeployment.of(Fleet.NAMESPACE, Fleet.name(i), Fleet.spec(Fleet.IMAGE))).create();
        DesiredState desired = factory.build(deployment,
            catalog.group(Fleet.GROUP).orElseThrow(),
            catalog.instanceType(deployment.getSpec().predictor().instanceType()).orElseThrow());
        client.resource(desired.deployment()).create();
        client.resource(desired.service()).create();
        client.resource(desired.ingress()).create();
        writePhase(client, deployment, Phase.DEPLOYING, i);
        writePhase(client, deployment, Phase.DEPLOYED, i);
        seconds.add(Statistics.secondsSince(start));
      }
      // The simulators' watches close with the cluster, once their events have arrived.
      cluster.awaitIdle();
    }
    return seconds;
  }

  /** The status patch of a phase and its event, as a controller writes them. */
  private static void writePhase(KubernetesClient client, PhDeployment deployment, Phase phase,
      int sample) {
    client.resource(deployment).subresource("status").patch(PatchContext.of(PatchType.JSON),
        "[{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"phase\":\""
            + phase.wireName() + "\"}}]");
    Event event = new EventBuilder()
        .withNewMetadata().withNamespace(Fleet.NAMESPACE)
        .withName(deployment.getMetadata().getName() + "." + phase.wireName().toLowerCase()
            + sample)
        .endMetadata()
        .withNewInvolvedObject().withKind(PhDeployment.KIND)
        .withName(deployment.getMetadata().getName()).endInvolvedObject()
        .withReason(phase.wireName()).withType("Normal")
        .build();
    client.v1().events().inNamespace(Fleet.NAMESPACE).resource(event).create();
  }
}
