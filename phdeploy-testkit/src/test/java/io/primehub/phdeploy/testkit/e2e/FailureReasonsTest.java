package io.primehub.phdeploy.testkit.e2e;

import static io.primehub.phdeploy.testkit.assertions.PhDeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.Group;
import io.primehub.phdeploy.core.catalog.ImmutableGroup;
import io.primehub.phdeploy.core.catalog.ImmutableInstanceType;
import io.primehub.phdeploy.core.catalog.InstanceType;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.ImmutablePredictor;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.testkit.Fixtures;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import io.primehub.phdeploy.testkit.ManualClock;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import io.primehub.phdeploy.testkit.junit.PhDeployTest;
import io.primehub.phdeploy.testkit.sim.nodes.NodeSpec;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every failure whose cause lies outside the spec (in the catalog, the registry, the nodes, the
 * model server or its storage): the deployment fails with the reason and a message that says what
 * to do, and once the cause is removed it is Deployed again without any change to its spec.
 */
@PhDeployTest(manualClock = true)
class FailureReasonsTest {

  private static final Catalog FIXTURE = Fixtures.catalog();
  private static final String GROUP = "phusers";
  private static final String CPU_ONLY = "cpu-only";
  private static final Group PHUSERS = FIXTURE.group(GROUP).orElseThrow();
  private static final InstanceType CPU = FIXTURE.instanceType(CPU_ONLY).orElseThrow();
  private static final String MODEL_URI = "gs://spam-models/1.0.0.1";
  /** Longer than the kubelet's first back-off, after which a failed container restarts. */
  private static final Duration RESTART_BACK_OFF = Duration.ofSeconds(30);

  static Stream<Cause> causes() {
    return Stream.of(
        new Cause("the group is not in the catalog", FailureReason.GROUP_NOT_FOUND,
            cluster -> cluster.catalog().removeGroup(GROUP),
            cluster -> cluster.catalog().put(PHUSERS),
            "Group 'phusers' does not exist",
            "ask an administrator to create the group"),
        new Cause("model deployment is not enabled for the group",
            FailureReason.DEPLOYMENT_NOT_ENABLED,
            cluster -> cluster.catalog().put(disabled(PHUSERS)),
            cluster -> cluster.catalog().enableModelDeployment(GROUP),
            "Model deployment is not enabled for group 'phusers'",
            "An administrator must enable model deployment for the group"),
        new Cause("the user is not a member of the group", FailureReason.USER_NOT_IN_GROUP,
            cluster -> cluster.catalog().put(
                ImmutableGroup.copyOf(PHUSERS).withMembers(List.of("someone-else"))),
            cluster -> cluster.catalog().put(PHUSERS),
            "User 'phadmin' (id '4d203a08-896a-4aa8-86e2-882f4d4aadec') is not a member of"
                + " group 'phusers'",
            "ask an administrator to add the user to it"),
        new Cause("the instance type is not in the catalog",
            FailureReason.INSTANCE_TYPE_NOT_FOUND,
            cluster -> cluster.catalog().removeInstanceType(CPU_ONLY),
            cluster -> cluster.catalog().put(CPU),
            "Instance type 'cpu-only' does not exist",
            "Group 'phusers' may use 'gpu-1'; set the predictor's instanceType to one of them"),
        new Cause("the group may not use the instance type",
            FailureReason.INSTANCE_TYPE_NOT_ALLOWED,
            cluster -> cluster.catalog().put(restricted(CPU, "sandbox")),
            cluster -> cluster.catalog().put(restricted(CPU, "sandbox", GROUP)),
            "Group 'phusers' may not use instance type 'cpu-only'",
            "An administrator can also allow 'cpu-only' for the group"),
        new Cause("the image is not in the registry", FailureReason.IMAGE_PULL_FAILED,
            cluster -> cluster.registry().remove(Journey.IMAGE),
            cluster -> cluster.registry().restore(Journey.IMAGE),
            "The model image \"sandhya1594/spam-classifier:1.0.0.1\" cannot be pulled",
            "Check that the image exists with that name and tag"),
        new Cause("no node has room", FailureReason.CLUSTER_RESOURCE_INSUFFICIENT,
            // The same name replaces the roomy default CPU node with one too small for a pod.
            cluster -> cluster.nodes().add(NodeSpec.named("cpu-node-1").cpu("250m")),
            cluster -> cluster.nodes().add(NodeSpec.named("cpu-node-2").cpu("8").memory("32Gi")),
            "No node has room for a pod of instance type \"cpu-only\"",
            "Insufficient cpu",
            "Lower the replicas, or pick another instance type"),
        new Cause("the model server crashes", FailureReason.CONTAINER_CRASHING,
            cluster -> cluster.images().crash(Journey.IMAGE, 1),
            cluster -> cluster.images().healthy(Journey.IMAGE),
            "The model server keeps crashing",
            "Read the replica logs of container \"model\""),
        new Cause("the model files cannot be copied", FailureReason.MODEL_STORAGE_INIT_FAILED,
            cluster -> cluster.storage().fail(MODEL_URI),
            cluster -> cluster.storage().restore(MODEL_URI),
            "The model files could not be copied into the pod",
            "Check the predictor's modelURI")
            .withModelUri(MODEL_URI));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("causes")
  void failsWithTheReasonAndRecoversOnceTheCauseIsRemoved(
      Cause cause, PhDeployEnvironment env, ManualClock clock, PhDeployments deployments) {
    InMemoryCluster cluster = env.cluster();
    cause.arrange().accept(cluster);
    deployments.create(Journey.NAME, cause.spec());

    PhDeployment failed = Verdicts.awaitFailed(deployments, Journey.NAME);
    assertThat(failed).isFailedWith(cause.reason());
    cause.words().forEach(words -> assertThat(failed).hasMessageContaining(words));

    cause.remove().accept(cluster);
    // A container that failed is restarted only once the kubelet's back-off has passed. The
    // kubelet starts that back-off from the clock's time when it takes up the exit, which may
    // come after the controller has reported it: the clock moves only once it has.
    cluster.awaitIdle();
    clock.advance(RESTART_BACK_OFF);

    PhDeployment recovered = Verdicts.await(cluster.client(), Journey.NAME, Phase.DEPLOYED);
    assertThat(recovered).isDeployed().hasAvailableReplicas(2).hasHistorySize(1);
    assertThat(recovered.getMetadata().getGeneration()).as("no spec change").isEqualTo(1L);
    // The controller records an Event after the status write that it tells of.
    env.awaitIdle();
    assertPhaseEvents(cluster.client(), failed);
  }

  @Test
  void aConfigurationFailureReleasesWhatRunsAndRecoveryRecreatesIt(
      PhDeployEnvironment env, InMemoryCluster cluster, PhDeployments deployments) {
    KubernetesClient client = cluster.client();
    deployments.create(Journey.NAME, Journey.fixture().getSpec());
    deployments.awaitPhase(Journey.NAME, Phase.DEPLOYED, Verdicts.WAIT);
    String firstUid = Verdicts.deploymentOf(client, Journey.NAME).getMetadata().getUid();

    cluster.catalog().put(disabled(PHUSERS));
    assertThat(Verdicts.awaitFailed(deployments, Journey.NAME))
        .isFailedWith(FailureReason.DEPLOYMENT_NOT_ENABLED).hasAvailableReplicas(0);
    env.awaitIdle();
    assertThat(Verdicts.deploymentOf(client, Journey.NAME)).isNull();
    assertThat(Journey.pods(cluster, Journey.NAME)).isEmpty();

    cluster.catalog().enableModelDeployment(GROUP);
    assertThat(Verdicts.await(client, Journey.NAME, Phase.DEPLOYED)).hasAvailableReplicas(2);
    assertThat(Verdicts.deploymentOf(client, Journey.NAME).getMetadata().getUid())
        .isNotEqualTo(firstUid);
    assertThat(Journey.pods(cluster, Journey.NAME)).hasSize(2);
  }

  /** The failure and the recovery are each told by an Event, the failure as a warning. */
  private static void assertPhaseEvents(KubernetesClient client, PhDeployment failed) {
    List<Event> events = Verdicts.events(client, Journey.NAME);
    String reason = failed.getStatus().reason().wireName();
    assertThat(events).extracting(Event::getReason).containsSubsequence(reason, "Deployed");
    assertThat(events).filteredOn(event -> event.getReason().equals(reason)).first()
        .satisfies(event -> {
          assertThat(event.getType()).isEqualTo("Warning");
          assertThat(event.getMessage()).isEqualTo(failed.getStatus().message());
        });
  }

  private static Group disabled(Group group) {
    return ImmutableGroup.copyOf(group).withModelDeploymentEnabled(false);
  }

  private static InstanceType restricted(InstanceType type, String... groups) {
    return ImmutableInstanceType.copyOf(type).withGlobal(false).withGroups(groups);
  }

  /**
   * A cause of failure outside the spec: how to bring it about, how to remove it, and what the
   * status message must say.
   */
  record Cause(
      String title,
      FailureReason reason,
      Consumer<InMemoryCluster> arrange,
      Consumer<InMemoryCluster> remove,
      List<String> words,
      @Nullable String modelUri) {

    Cause(String title, FailureReason reason, Consumer<InMemoryCluster> arrange,
        Consumer<InMemoryCluster> remove, String... words) {
      this(title, reason, arrange, remove, List.of(words), null);
    }

    /** This cause, for a predictor that copies its model from this URI. */
    Cause withModelUri(String uri) {
      return new Cause(title, reason, arrange, remove, words, uri);
    }

    /** The fixture's spec, with the model URI if there is one. */
    PhDeploymentSpec spec() {
      PhDeploymentSpec fixture = Journey.fixture().getSpec();
      return modelUri == null
          ? fixture
          : ImmutablePhDeploymentSpec.copyOf(fixture).withPredictors(
              ImmutablePredictor.copyOf(fixture.predictor()).withModelURI(modelUri));
    }

    @Override
    public String toString() {
      return title;
    }
  }
}
