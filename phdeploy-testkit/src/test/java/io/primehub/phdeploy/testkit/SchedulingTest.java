package io.primehub.phdeploy.testkit;

import static io.primehub.phdeploy.testkit.Observed.pods;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.testkit.sim.nodes.NodeSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulingTest {

  private static final NodeSpec SMALL = NodeSpec.named("small").cpu("1").memory("8Gi");

  @Test
  void aPodThatFitsNoNodeStaysPendingWithTheSchedulersMessage() {
    try (InMemoryCluster cluster = InMemoryCluster.builder()
        .nodes(SMALL, NodeSpec.named("gpu").cpu("8").memory("32Gi").gpus(1)
            .label("accelerator", "nvidia").taint("nvidia.com/gpu", "", "NoSchedule"))
        .start()) {
      cluster.client().resource(Workloads.deployment("spam").replicas(3).build()).create();
      cluster.awaitIdle();

      List<Pod> pods = pods(cluster.client(), "spam");
      assertThat(pods).filteredOn(pod -> "small".equals(pod.getSpec().getNodeName())).hasSize(2);
      List<Pod> pending = unbound(pods);
      assertThat(pending).hasSize(1);
      assertThat(pending.get(0).getStatus().getPhase()).isEqualTo("Pending");
      PodCondition scheduled = pending.get(0).getStatus().getConditions().get(0);
      assertThat(scheduled.getType()).isEqualTo("PodScheduled");
      assertThat(scheduled.getStatus()).isEqualTo("False");
      assertThat(scheduled.getReason()).isEqualTo("Unschedulable");
      assertThat(scheduled.getMessage()).isEqualTo(
          "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint"
              + " {nvidia.com/gpu: }. preemption: 0/2 nodes are available: 1 No preemption victims"
              + " found for incoming pod, 1 Preemption is not helpful for scheduling.");
    }
  }

  @Test
  void nodeSelectorsAndTaintsDecideWherePodsGo() {
    try (InMemoryCluster cluster = InMemoryCluster.start()) {
      KubernetesClient client = cluster.client();
      client.resource(Workloads.deployment("cpu").replicas(2).build()).create();
      client.resource(Workloads.deployment("gpu").group("research").instanceType("gpu-1").build())
          .create();
      cluster.awaitIdle();

      assertThat(pods(client, "cpu")).extracting(pod -> pod.getSpec().getNodeName())
          .containsOnly("cpu-node-1");
      Pod gpu = Observed.onlyPod(client, "gpu");
      assertThat(gpu.getSpec().getNodeName()).isEqualTo("gpu-node-1");
      assertThat(gpu.getStatus().getPhase()).isEqualTo("Running");
    }
  }

  @Test
  void aPodSelectingANodeWhoseTaintItDoesNotTolerateFitsNowhere() {
    try (InMemoryCluster cluster = InMemoryCluster.start()) {
      cluster.client().resource(new DeploymentBuilder(Workloads.deployment("spam").build())
              .editSpec().editTemplate().editSpec().addToNodeSelector("accelerator", "nvidia")
              .endSpec().endTemplate().endSpec().build())
          .create();
      cluster.awaitIdle();

      Pod pod = Observed.onlyPod(cluster.client(), "spam");
      assertThat(Observed.condition(pod, "PodScheduled").getMessage()).isEqualTo(
          "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector,"
              + " 1 node(s) had untolerated taint {nvidia.com/gpu: }. preemption: 0/2 nodes are"
              + " available: 2 Preemption is not helpful for scheduling.");
    }
  }

  @Test
  void aPendingPodIsScheduledWhenRoomFreesUpOrANodeJoins() {
    try (InMemoryCluster cluster = InMemoryCluster.builder().nodes(SMALL).start()) {
      KubernetesClient client = cluster.client();
      client.resource(Workloads.deployment("first").replicas(2).build()).create();
      cluster.awaitIdle();
      client.resource(Workloads.deployment("second").replicas(2).build()).create();
      cluster.awaitIdle();
      assertThat(unbound(pods(client, "second"))).hasSize(2);

      Observed.scale(client, "first", 1);
      cluster.awaitIdle();
      assertThat(unbound(pods(client, "second"))).hasSize(1);

      cluster.nodes().add(NodeSpec.named("another").cpu("4").memory("8Gi"));
      cluster.awaitIdle();
      assertThat(pods(client, "second")).extracting(pod -> pod.getStatus().getPhase())
          .containsOnly("Running");
      assertThat(client.nodes().withName("another").get()).isNotNull();
    }
  }

  private static List<Pod> unbound(List<Pod> pods) {
    return pods.stream().filter(pod -> pod.getSpec().getNodeName() == null).toList();
  }
}
