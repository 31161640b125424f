package io.primehub.phdeploy.testkit.sim.deployment;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * What the deployment controller leaves once a Deployment's rollout has completed, for a cluster
 * that starts with Deployments already rolled out: the pods of its current template, made as the
 * controller makes them, and the status it writes when they are all available.
 */
public final class CompletedRollouts {

  private final PodFactory factory;

  /** Rollouts whose pods' name suffixes come from {@code random}. */
  public CompletedRollouts(Random random) {
    this.factory = new PodFactory(random);
  }

  /**
   * Gives the Deployment the status of a rollout of its current template completed at
   * {@code now}, with every replica available.
   *
   * @return the pods of its current template, one per replica, not yet bound to a node
   */
  public List<Pod> complete(Deployment deployment, Instant now) {
    int replicas = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
    String hash = TemplateHash.of(deployment.getSpec().getTemplate());
    RolloutFacts facts = new RolloutFacts(replicas, replicas, replicas, replicas, replicas,
        RolloutStrategy.of(deployment, replicas), deployment.getMetadata().getName() + "-" + hash,
        null);
    deployment.setStatus(DeploymentStatuses.of(deployment, facts, now));
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      pods.add(factory.newPod(deployment, hash));
    }
    return pods;
  }
}
