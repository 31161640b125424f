package io.primehub.phdeploy.k8s.controller.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.primehub.phdeploy.k8s.desired.DesiredHash;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The informer caches keep owned objects and pods pruned: what the controller reads from them
 * reads the same as from the full objects, and the rest is gone.
 */
class PruningStoreTest {

  @Test
  void aDeploymentKeepsWhatTheControllerComparesAndReadsItsPhaseFrom() {
    PruningStore<Deployment> store =
        new PruningStore<>(Deployment.class, CachedCopies::deployment);
    Deployment full = deployment();

    store.put("hub/deploy-a", full);

    Deployment kept = store.get("hub/deploy-a");
    assertThat(kept.getMetadata()).isEqualTo(full.getMetadata());
    assertThat(DesiredHash.templateOf(kept)).isEqualTo("template-1");
    assertThat(kept.getSpec().getReplicas()).isEqualTo(2);
    assertThat(kept.getSpec().getTemplate().getSpec().getContainers())
        .extracting(c -> c.getName() + "=" + c.getImage())
        .containsExactly("model=registry.example/spam:1.0.3", "engine=seldonio/engine:1.1.0");
    assertThat(kept.getSpec().getTemplate().getSpec().getContainers())
        .allSatisfy(container -> assertThat(container.getEnv()).isEmpty());
    assertThat(WorkloadObservations.workload(kept))
        .isEqualTo(WorkloadObservations.workload(full));
    assertThat(kept.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsOnlyKeys(DesiredHash.TEMPLATE_ANNOTATION);
    assertThat(kept.getSpec().getTemplate().getMetadata().getLabels()).isEmpty();
  }

  @Test
  void aPodKeepsWhatFailureReasonsAndQuotaAreReadFrom() {
    PruningStore<Pod> store = new PruningStore<>(Pod.class, CachedCopies::pod);
    Pod full = failingPod();

    store.put("hub/deploy-a-1", full);

    Pod kept = store.get("hub/deploy-a-1");
    assertThat(WorkloadObservations.facts(kept, "template-1"))
        .isEqualTo(WorkloadObservations.facts(full, "template-1"));
    assertThat(WorkloadObservations.facts(kept, "template-2").current()).isFalse();
    assertThat(GroupUsage.limitsOf(kept)).isEqualTo(GroupUsage.limitsOf(full));
    assertThat(GroupUsage.limitsOf(kept).cpuMillis()).isEqualTo(1000);
    assertThat(GroupUsage.counts(kept)).isTrue();
    assertThat(kept.getMetadata().getLabels()).isEqualTo(full.getMetadata().getLabels());
    assertThat(kept.getMetadata().getAnnotations())
        .containsOnlyKeys(DesiredHash.TEMPLATE_ANNOTATION);
    assertThat(kept.getSpec().getNodeName()).isEqualTo("node-1");
  }

  @Test
  void aSecretKeepsItsMetadataButNotWhatItHolds() {
    PruningStore<Secret> store = new PruningStore<>(
        Secret.class, CachedCopies.metadataOnly(Secret::new));
    Secret full = new SecretBuilder().withMetadata(metadata("deploy-a"))
        .withStringData(Map.of("auth", "client:$apr1$hashed")).build();

    store.put("hub/deploy-a", full);

    Secret kept = store.get("hub/deploy-a");
    assertThat(kept.getKind()).isEqualTo("Secret");
    assertThat(kept.getMetadata()).isEqualTo(full.getMetadata());
    assertThat(kept.getData()).isEmpty();
    assertThat(kept.getStringData()).isEmpty();
  }

  @Test
  void eachObjectReadsBackAsItsPrunedCopyWhateverWasStoredFirst() {
    PruningStore<Deployment> store =
        new PruningStore<>(Deployment.class, CachedCopies::deployment);
    Deployment first = deployment();
    Deployment other = new DeploymentBuilder(deployment())
        .withMetadata(metadata("deploy-b")).editSpec().withReplicas(5).endSpec()
        .editStatus().withConditions(List.of()).withReadyReplicas(5).endStatus().build();

    store.put("hub/deploy-a", first);
    store.put("hub/deploy-b", other);

    assertThat(store.get("hub/deploy-a")).isEqualTo(CachedCopies.deployment(first));
    assertThat(store.get("hub/deploy-b")).isEqualTo(CachedCopies.deployment(other));
  }

  @Test
  void theStoreAnswersPutsRemovalsAndListsWithPrunedCopies() {
    PruningStore<Secret> store = new PruningStore<>(
        Secret.class, CachedCopies.metadataOnly(Secret::new));
    Secret first = new SecretBuilder().withMetadata(metadata("deploy-a")).build();
    Secret second = new SecretBuilder(first).editMetadata().withResourceVersion("8").endMetadata()
        .build();

    assertThat(store.put(store.getKey(first), first)).isNull();
    assertThat(store.put(store.getKey(second), second).getMetadata().getResourceVersion())
        .isEqualTo("7");

    assertThat(store.keySet()).containsExactly("hub/deploy-a");
    assertThat(store.values()).extracting(s -> s.getMetadata().getResourceVersion())
        .containsExactly("8");
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.remove("hub/deploy-a").getMetadata().getResourceVersion()).isEqualTo("8");
    assertThat(store.get("hub/deploy-a")).isNull();
    assertThat(store.size()).isZero();
  }

  private static ObjectMeta metadata(String name) {
    return new ObjectMetaBuilder().withNamespace("hub").withName(name).withUid("uid-" + name)
        .withResourceVersion("7").withGeneration(3L)
        .withLabels(Map.of("primehub.io/phdeployment", "a", "team", "search"))
        .withAnnotations(Map.of(DesiredHash.ANNOTATION, "hash-1", "someone.else/note", "kept"))
        .addNewOwnerReference().withApiVersion("primehub.io/v1alpha1").withKind("PhDeployment")
        .withName("a").withUid("uid-a").withController(true).endOwnerReference()
        .build();
  }

  private static Deployment deployment() {
    return new DeploymentBuilder().withMetadata(metadata("deploy-a"))
        .withNewSpec().withReplicas(2)
        .withNewTemplate()
        .withNewMetadata().addToAnnotations(DesiredHash.TEMPLATE_ANNOTATION, "template-1")
        .addToAnnotations("prometheus.io/scrape", "true").addToLabels("app", "primehub-group")
        .endMetadata()
        .withNewSpec()
        .addToContainers(new ContainerBuilder().withName("model")
            .withImage("registry.example/spam:1.0.3")
            .addNewEnv().withName("PREDICTIVE_UNIT_ID").withValue("model").endEnv().build())
        .addToContainers(new ContainerBuilder().withName("engine")
            .withImage("seldonio/engine:1.1.0")
            .addNewEnv().withName("ENGINE_PREDICTOR").withValue("eyJuYW1lIjoi").endEnv().build())
        .endSpec()
        .endTemplate()
        .endSpec()
        .withNewStatus().withObservedGeneration(3L).withReplicas(2).withUpdatedReplicas(2)
        .withReadyReplicas(1).withAvailableReplicas(1)
        .addNewCondition().withType("ReplicaFailure").withStatus("True")
        .withReason("FailedCreate").withMessage("exceeded quota").endCondition()
        .endStatus()
        .build();
  }

  private static Pod failingPod() {
    return new PodBuilder()
        .withNewMetadata().withNamespace("hub").withName("deploy-a-1").withResourceVersion("9")
        .withLabels(Map.of("primehub.io/phdeployment", "a", "primehub.io/group", "phusers"))
        .withAnnotations(Map.of(DesiredHash.TEMPLATE_ANNOTATION, "template-1",
            "prometheus.io/port", "8000"))
        .endMetadata()
        .withNewSpec().withNodeName("node-1")
        .addToInitContainers(new ContainerBuilder().withName("storage-initializer")
            .withNewResources().withLimits(Map.of("cpu", new Quantity("1"))).endResources()
            .build())
        .addToContainers(new ContainerBuilder().withName("model").withImage("spam:9")
            .withNewResources().withLimits(Map.of("cpu", new Quantity("900m"),
                "memory", new Quantity("1Gi"), "nvidia.com/gpu", new Quantity("1")))
            .withRequests(Map.of("cpu", new Quantity("400m"))).endResources()
            .addNewEnv().withName("A").withValue("b").endEnv()
            .build())
        .addToContainers(new ContainerBuilder().withName("engine").withImage("engine:1")
            .withNewResources().withLimits(Map.of("cpu", new Quantity("100m"))).endResources()
            .build())
        .endSpec()
        .withNewStatus().withPhase("Pending")
        .addNewCondition().withType("PodScheduled").withStatus("False")
        .withReason("Unschedulable").withMessage("0/3 nodes are available").endCondition()
        .addNewCondition().withType("Ready").withStatus("False").endCondition()
        .addNewInitContainerStatus().withName("storage-initializer").withRestartCount(2)
        .withImage("init:1").withNewState().withNewTerminated().withExitCode(1)
        .withReason("Error").endTerminated().endState().endInitContainerStatus()
        .addNewContainerStatus().withName("model").withRestartCount(0).withImage("spam:9")
        .withNewState().withNewWaiting().withReason("ImagePullBackOff")
        .withMessage("Back-off pulling image spam:9").endWaiting().endState()
        .endContainerStatus()
        .endStatus()
        .build();
  }
}
