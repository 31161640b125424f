package io.primehub.phdeploy.bench;

import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.Group;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.ImmutablePredictor;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.testkit.Fixtures;
import io.primehub.phdeploy.testkit.sim.nodes.NodeSpec;
import java.util.stream.IntStream;

/**
 * The deployments a benchmark makes: the specification's example with one replica, in a group
 * whose quota is unlimited, on nodes with room for all of their pods, so that what is measured is
 * the controller's work and not a quota or a full node.
 */
final class Fleet {

  static final String NAMESPACE = "hub";
  static final String GROUP = "bench";
  static final String IMAGE = "sandhya1594/spam-classifier:1.0.0.1";
  static final String NEW_IMAGE = "sandhya1594/spam-classifier:1.0.0.2";
  private static final int PODS_PER_NODE = 1000;

  private Fleet() {}

  /** The fixture catalog with the group {@value #GROUP}, enabled and without quota. */
  static Catalog catalog() {
    Catalog fixtures = Fixtures.catalog();
    return Catalog.builder().from(fixtures)
        .addGroups(Group.builder().name(GROUP).modelDeploymentEnabled(true).build())
        .build();
  }

  /** Nodes with room for {@code pods} pods and a few more. */
  static NodeSpec[] nodesFor(int pods) {
    return IntStream.rangeClosed(0, pods / PODS_PER_NODE)
        .mapToObj(i -> NodeSpec.named("bench-node-" + i)
            .cpu(String.valueOf(PODS_PER_NODE)).memory(2 * PODS_PER_NODE + "Gi")
            .maxPods(PODS_PER_NODE))
        .toArray(NodeSpec[]::new);
  }

  /** The name of the {@code index}th deployment. */
  static String name(int index) {
    return "bench-%05d".formatted(index);
  }

  /** The spec of every deployment of the fleet, with this model image. */
  static PhDeploymentSpec spec(String image) {
    PhDeploymentSpec fixture = Fixtures.spamClassifier().getSpec();
    return ImmutablePhDeploymentSpec.copyOf(fixture)
        .withGroupName(GROUP)
        .withPredictors(ImmutablePredictor.copyOf(fixture.predictor())
            .withReplicas(1).withModelImage(image));
  }
}
