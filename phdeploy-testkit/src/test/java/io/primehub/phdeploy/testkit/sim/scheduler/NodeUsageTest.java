package io.primehub.phdeploy.testkit.sim.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.primehub.phdeploy.core.quota.Resources;
import org.junit.jupiter.api.Test;

class NodeUsageTest {

  private static final Resources HALF_CPU = new Resources(500, 1L << 30, 0);

  private final NodeUsage usage = new NodeUsage();

  @Test
  void countsTheLivePodsBoundToEachNode() {
    usage.podChanged(pod("a", "node-1"));
    usage.podChanged(pod("b", "node-1"));
    usage.podChanged(pod("c", "node-2"));
    usage.podChanged(pod("pending", null));

    assertThat(usage.on("node-1")).isEqualTo(new NodeUsage.Usage(HALF_CPU.times(2), 2));
    assertThat(usage.on("node-2")).isEqualTo(new NodeUsage.Usage(HALF_CPU, 1));
    assertThat(usage.on("node-3")).isEqualTo(new NodeUsage.Usage(Resources.ZERO, 0));

    usage.podChanged(new PodBuilder(pod("a", "node-1")).editMetadata()
        .withDeletionTimestamp("2024-05-01T10:00:00Z").endMetadata().build());
    usage.podDeleted(pod("c", "node-2"));
    assertThat(usage.on("node-1")).isEqualTo(new NodeUsage.Usage(HALF_CPU, 1));
    assertThat(usage.on("node-2")).isEqualTo(new NodeUsage.Usage(Resources.ZERO, 0));
  }

  @Test
  void aPodItBoundCountsOnceBeforeAndAfterItsBindingShows() {
    Pod pending = pod("a", null);
    usage.podChanged(pending);
    usage.assume(pending, "node-1", HALF_CPU);
    // An event from before the binding does not take the pod off the node.
    usage.podChanged(pending);
    assertThat(usage.on("node-1")).isEqualTo(new NodeUsage.Usage(HALF_CPU, 1));

    usage.podChanged(pod("a", "node-1"));
    assertThat(usage.on("node-1")).isEqualTo(new NodeUsage.Usage(HALF_CPU, 1));

    usage.podDeleted(pod("a", "node-1"));
    assertThat(usage.on("node-1")).isEqualTo(new NodeUsage.Usage(Resources.ZERO, 0));
  }

  @Test
  void aPodItBoundThatGoesBeforeItsBindingShowsLeavesTheNode() {
    Pod pending = pod("a", null);
    usage.assume(pending, "node-1", HALF_CPU);

    usage.podDeleted(pending);

    assertThat(usage.on("node-1")).isEqualTo(new NodeUsage.Usage(Resources.ZERO, 0));
  }

  private static Pod pod(String name, String nodeName) {
    return new PodBuilder()
        .withNewMetadata().withName(name).withNamespace("hub").withUid("uid-" + name).endMetadata()
        .withNewSpec().withNodeName(nodeName)
        .addNewContainer().withName("model").withNewResources()
        .addToRequests("cpu", new Quantity("500m"))
        .addToRequests("memory", new Quantity("1Gi"))
        .endResources().endContainer()
        .endSpec()
        .build();
  }
}
