package io.primehub.phdeploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.model.HistoryRecord;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.WireJson;
import io.primehub.phdeploy.core.naming.OwnedNames;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.k8s.config.ImmutableControllerConfig;
import io.primehub.phdeploy.k8s.desired.DesiredState;
import io.primehub.phdeploy.k8s.desired.DesiredStateFactory;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.testkit.server.Journal;
import io.primehub.phdeploy.testkit.server.RequestCounts;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The baseline: the least any controller must do, written straight on a fabric8 client with the
 * same concurrency as the controller. On a new spec it creates the Deployment, Service and
 * Ingress (or, for a changed spec, patches the Deployment's pod template), writes the status
 * {@code Deploying} with the new history record, and once the Deployment's pods are all updated
 * and available it writes {@code Deployed}. It reads only from its informers and checks
 * nothing else: no validation, no quota, no events, no failure, no drift.
 */
final class MinimalController implements AutoCloseable {

  /** Who the baseline's requests come from, in the journal. */
  static final String USER_AGENT = "minimal-controller";

  private static final ObjectMapper JSON = WireJson.mapper();

  private final KubernetesClient client;
  private final Clock clock;
  private final Catalog catalog = Fleet.catalog();
  private final DesiredStateFactory desired =
      new DesiredStateFactory(ImmutableControllerConfig.builder().baseUrl("http://localhost").build());
  private final ExecutorService workers;
  private final Map<String, Rollout> rollouts = new ConcurrentHashMap<>();
  private final SharedIndexInformer<PhDeployment> phDeployments;
  private final SharedIndexInformer<Deployment> deployments;

  /** Where one deployment's latest rollout stands. */
  private static final class Rollout {
    long generation;
    long workloadGeneration;
    boolean deployed;
  }

  private MinimalController(KubernetesClient client, Clock clock, int concurrency) {
    this.client = client;
    this.clock = clock;
    this.workers = Executors.newFixedThreadPool(concurrency);
    this.deployments = client.apps().deployments().inNamespace(Fleet.NAMESPACE)
        .withLabel(PodLabels.DEPLOYMENT)
        .inform(ChangeHandler.onChange(d -> workers.execute(() -> finish(ownerOf(d)))));
    this.phDeployments = client.resources(PhDeployment.class).inNamespace(Fleet.NAMESPACE)
        .inform(ChangeHandler.onChange(d -> workers.execute(() -> roll(d.name()))));
  }

  /** Starts the baseline on a client of its own, with {@code concurrency} workers. */
  static MinimalController start(KubernetesClient client, Clock clock, int concurrency) {
    return new MinimalController(client, clock, concurrency);
  }

  /** The baseline's requests in the journal since it was last reset. */
  RequestCounts requests(Journal journal) {
    return journal.snapshot().fromUserAgent(USER_AGENT);
  }

  /** Writes what a new spec needs: the owned objects or the new template, then Deploying. */
  private void roll(String name) {
    PhDeployment deployment = phDeployments.getStore().getByKey(Fleet.NAMESPACE + "/" + name);
    if (deployment == null) {
      return;
    }
    long generation = deployment.getMetadata().getGeneration();
    Rollout rollout = rollouts.computeIfAbsent(name, n -> new Rollout());
    synchronized (rollout) {
      if (rollout.generation >= generation) {
        return;
      }
      String instanceType = deployment.getSpec().predictor().instanceType();
      DesiredState state = desired.build(deployment,
          catalog.group(deployment.getSpec().groupName()).orElseThrow(),
          catalog.instanceType(instanceType).orElseThrow());
      Deployment written;
      if (rollout.generation == 0) {
        written = client.resource(state.deployment()).create();
        client.resource(state.service()).create();
        client.resource(state.ingress()).create();
      } else {
        ObjectNode template = JSON.createObjectNode();
        template.putObject("spec").set("template",
            JSON.valueToTree(state.deployment().getSpec().getTemplate()));
        written = client.resource(cachedWorkload(name))
            .patch(PatchContext.of(PatchType.JSON_MERGE), template.toString());
      }
      writeStatus(deployment, deploying(deployment, generation));
      rollout.generation = generation;
      rollout.workloadGeneration = written.getMetadata().getGeneration();
      rollout.deployed = false;
    }
    finish(name);
  }

  /** Writes Deployed once the workload of the latest rollout is all updated and available. */
  private void finish(String name) {
    Rollout rollout = rollouts.get(name);
    Deployment workload = cachedWorkload(name);
    PhDeployment deployment = phDeployments.getStore().getByKey(Fleet.NAMESPACE + "/" + name);
    if (rollout == null || workload == null || deployment == null) {
      return;
    }
    synchronized (rollout) {
      if (rollout.generation == 0 || rollout.deployed || !rolledOut(workload, rollout)) {
        return;
      }
      ArrayNode patch = JSON.createArrayNode();
      patch.addObject().put("op", "add").put("path", "/status/phase")
          .put("value", Phase.DEPLOYED.wireName());
      patch.addObject().put("op", "add").put("path", "/status/availableReplicas")
          .put("value", workload.getStatus().getAvailableReplicas());
      writeStatus(deployment, patch);
      rollout.deployed = true;
    }
  }

  private static boolean rolledOut(Deployment workload, Rollout rollout) {
    int replicas = workload.getSpec().getReplicas();
    var status = workload.getStatus();
    return workload.getMetadata().getGeneration() >= rollout.workloadGeneration
        && status != null
        && status.getObservedGeneration() != null
        && status.getObservedGeneration() >= rollout.workloadGeneration
        && replicas == orZero(status.getUpdatedReplicas())
        && replicas == orZero(status.getAvailableReplicas())
        && replicas == orZero(status.getReplicas());
  }

  private static int orZero(Integer count) {
    return count == null ? 0 : count;
  }

  /** The JSON patch to Deploying, with the new spec's history record first. */
  private ArrayNode deploying(PhDeployment deployment, long generation) {
    ObjectNode record = JSON.valueToTree(HistoryRecord.of(clock.instant(), deployment.getSpec()));
    ArrayNode patch = JSON.createArrayNode();
    if (deployment.getStatus() == null) {
      ObjectNode status = patch.addObject().put("op", "add").put("path", "/status")
          .putObject("value");
      status.put("phase", Phase.DEPLOYING.wireName()).put("observedGeneration", generation)
          .put("availableReplicas", 0).putArray("history").add(record);
      return patch;
    }
    patch.addObject().put("op", "add").put("path", "/status/phase")
        .put("value", Phase.DEPLOYING.wireName());
    patch.addObject().put("op", "add").put("path", "/status/observedGeneration")
        .put("value", generation);
    patch.addObject().put("op", "add").put("path", "/status/history/0").set("value", record);
    return patch;
  }

  /** A JSON patch of the status, of the cached object: no read before the write. */
  private void writeStatus(PhDeployment deployment, ArrayNode patch) {
    client.resource(deployment).subresource("status")
        .patch(PatchContext.of(PatchType.JSON), patch.toString());
  }

  private Deployment cachedWorkload(String name) {
    return deployments.getStore().getByKey(Fleet.NAMESPACE + "/" + OwnedNames.of(name));
  }

  private static String ownerOf(Deployment workload) {
    return workload.getMetadata().getLabels().get(PodLabels.DEPLOYMENT);
  }

  @Override
  public void close() {
    phDeployments.close();
    deployments.close();
    workers.shutdownNow();
  }
}
