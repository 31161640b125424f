package io.primehub.phdeploy.testkit.sim.deployment;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.Store;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.testkit.sim.runtime.PodAmounts;
import io.primehub.phdeploy.testkit.sim.runtime.PodCache;
import io.primehub.phdeploy.testkit.sim.runtime.SimulatorLoop;
import io.primehub.phdeploy.testkit.sim.runtime.Wakeups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated deployment controller. For each Deployment it creates and deletes pods until the
 * replicas of the current template run, rolling from an old template to a new one as the
 * strategy allows, and writes the status through the status subresource. A pod it cannot create
 * (an admission webhook denied it) sets {@code ReplicaFailure}; creation is retried after a
 * second, and at once when another pod goes.
 */
public final class DeploymentController {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentController.class);
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final KubernetesClient client;
  private final Clock clock;
  private final Store<Deployment> deployments;
  private final PodCache pods;
  private final SimulatorLoop loop;
  private final Wakeups wakeups;
  private final PodFactory factory;
  private final PodExpectations expectations = new PodExpectations();
  /** Why the last pod creation of a Deployment failed, by its uid. */
  private final Map<String, CreationFailure> creationFailures = new ConcurrentHashMap<>();

  /**
   * A controller.
   *
   * @param deployments the informer's store of Deployments
   * @param random where the pods' name suffixes come from
   */
  public DeploymentController(
      KubernetesClient client, Clock clock, Store<Deployment> deployments, PodCache pods,
      SimulatorLoop loop, Wakeups wakeups, Random random) {
    this.client = client;
    this.clock = clock;
    this.deployments = deployments;
    this.pods = pods;
    this.loop = loop;
    this.wakeups = wakeups;
    this.factory = new PodFactory(random);
  }

  /** Queues the Deployment of this namespace and name to be synced. */
  public void enqueue(String namespace, String name) {
    enqueue(Cache.namespaceKeyFunc(namespace, name));
  }

  /** Forgets a Deployment that was deleted; its pods go with the garbage collector. */
  public void deleted(Deployment deployment) {
    expectations.forget(deployment.getMetadata().getUid());
    creationFailures.remove(deployment.getMetadata().getUid());
  }

  /** Learns of a pod its informer delivered, and queues the Deployment that controls it. */
  public void podChanged(Pod pod) {
    controller(pod).ifPresent(owner -> {
      expectations.observedCreation(owner.getUid(), pod.getMetadata().getName());
      enqueue(pod.getMetadata().getNamespace(), owner.getName());
    });
  }

  /**
   * Learns of a deleted pod, queues the Deployment that controlled it, and those whose pods could
   * not be created, since the room it leaves may let them.
   */
  public void podDeleted(Pod pod) {
    controller(pod).ifPresent(owner -> {
      expectations.observedDeletion(owner.getUid(), pod.getMetadata().getName());
      enqueue(pod.getMetadata().getNamespace(), owner.getName());
    });
    creationFailures.values().forEach(failure -> enqueue(failure.key()));
  }

  private void enqueue(String key) {
    loop.submit("deployment/" + key, () -> sync(key));
  }

  private void sync(String key) {
    Deployment deployment = deployments.getByKey(key);
    if (deployment == null || deployment.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    String uid = deployment.getMetadata().getUid();
    if (!expectations.satisfied(uid)) {
      LOG.debug("deployment {} waits for the events of its own pod changes", key);
      return;
    }
    int replicas = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
    String hash = TemplateHash.of(deployment.getSpec().getTemplate());
    List<Pod> owned =
        pods.controlledBy(uid).stream().filter(p -> !PodAmounts.terminated(p)).toList();
    List<Pod> current = owned.stream().filter(p -> hash.equals(templateHashOf(p))).toList();
    List<Pod> old = owned.stream().filter(p -> !hash.equals(templateHashOf(p))).toList();
    RolloutStrategy strategy = RolloutStrategy.of(deployment, replicas);
    RolloutPlan plan =
        RolloutPlan.next(strategy, replicas, current, old, DeploymentController::available);
    plan.delete().forEach(pod -> delete(uid, pod));
    create(deployment, hash, plan.create());
    int ready = (int) owned.stream().filter(DeploymentController::available).count();
    CreationFailure failure = creationFailures.get(uid);
    RolloutFacts facts = new RolloutFacts(replicas, owned.size(), current.size(), ready, ready,
        strategy, deployment.getMetadata().getName() + "-" + hash,
        failure == null ? null : failure.message());
    writeStatus(deployment, facts, key);
  }

  private void create(Deployment deployment, String hash, int count) {
    String uid = deployment.getMetadata().getUid();
    for (int i = 0; i < count; i++) {
      Pod pod = factory.newPod(deployment, hash);
      String name = pod.getMetadata().getName();
      expectations.expectCreation(uid, name);
      try {
        client.pods().inNamespace(pod.getMetadata().getNamespace()).resource(pod).create();
      } catch (KubernetesClientException e) {
        expectations.cancel(uid, name);
        failedCreation(deployment, e);
        return;
      }
      LOG.debug("created pod {}", Cache.metaNamespaceKeyFunc(pod));
      creationFailures.remove(uid);
    }
  }

  private void failedCreation(Deployment deployment, KubernetesClientException e) {
    String message = e.getStatus() != null && e.getStatus().getMessage() != null
        ? e.getStatus().getMessage()
        : e.getMessage();
    LOG.debug("cannot create a pod of {}: {}", Cache.metaNamespaceKeyFunc(deployment), message);
    String key = Cache.metaNamespaceKeyFunc(deployment);
    creationFailures.put(deployment.getMetadata().getUid(), new CreationFailure(key, message));
    loop.submitAfter(RETRY, "deployment/" + key, () -> sync(key));
  }

  private void delete(String uid, Pod pod) {
    String name = pod.getMetadata().getName();
    LOG.debug("deleting pod {}", name);
    expectations.expectDeletion(uid, name);
    boolean deleted = false;
    try {
      deleted = !client.pods().resource(pod).delete().isEmpty();
    } finally {
      if (!deleted) {
        expectations.cancel(uid, name);
      }
    }
  }

  private void writeStatus(Deployment deployment, RolloutFacts facts, String key) {
    Instant now = clock.instant();
    DeploymentStatus status = DeploymentStatuses.of(deployment, facts, now);
    if (!status.equals(deployment.getStatus())) {
      LOG.debug("deployment {}: {} of {} available", key, facts.available(), facts.replicas());
      client.apps().deployments()
          .resource(new DeploymentBuilder(deployment).withStatus(status).build())
          .updateStatus();
    }
    DeploymentStatuses.deadline(deployment, status)
        .ifPresent(at -> wakeups.at(at, "deployment/" + key, () -> sync(key)));
  }

  private static boolean available(Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static @Nullable String templateHashOf(Pod pod) {
    return pod.getMetadata().getLabels().get(TemplateHash.LABEL);
  }

  private static Optional<OwnerReference> controller(Pod pod) {
    return pod.getMetadata().getOwnerReferences().stream()
        .filter(owner -> Boolean.TRUE.equals(owner.getController()))
        .filter(owner -> "Deployment".equals(owner.getKind()))
        .findFirst();
  }

  /** A failed pod creation: the key of the Deployment, and why. */
  private record CreationFailure(String key, String message) {}
}
