package io.primehub.phdeploy.testkit.sim.deployment;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What the deployment controller does next about a Deployment's pods: how many new ones to create
 * and which to delete. One step at a time, as Kubernetes' controller does: it scales up the new
 * template as far as the surge allows and waits; otherwise it scales the old pods down as far as
 * the unavailability allows, unhealthy ones first.
 *
 * @param create how many pods of the current template to create
 * @param delete the pods to delete
 */
record RolloutPlan(int create, List<Pod> delete) {

  private static final RolloutPlan NOTHING = new RolloutPlan(0, List.of());

  /**
   * Plans the next step.
   *
   * @param current the pods of the current template
   * @param old the pods of earlier templates
   * @param available whether a pod is available
   */
  static RolloutPlan next(
      RolloutStrategy strategy, int replicas, List<Pod> current, List<Pod> old,
      Predicate<Pod> available) {
    if (old.isEmpty()) {
      return scale(replicas, current, available);
    }
    if (strategy.recreate()) {
      return new RolloutPlan(0, old);
    }
    int total = current.size() + old.size();
    int room = replicas + strategy.maxSurge() - total;
    if (current.size() < replicas && room > 0) {
      return new RolloutPlan(Math.min(room, replicas - current.size()), List.of());
    }
    if (current.size() > replicas) {
      return scale(replicas, current, available);
    }
    return scaleDownOld(strategy, replicas, current, old, available);
  }

  private static RolloutPlan scaleDownOld(
      RolloutStrategy strategy, int replicas, List<Pod> current, List<Pod> old,
      Predicate<Pod> available) {
    int minAvailable = replicas - strategy.maxUnavailable();
    long currentUnavailable = current.stream().filter(available.negate()).count();
    long allowed = current.size() + old.size() - minAvailable - currentUnavailable;
    if (allowed <= 0) {
      return NOTHING;
    }
    List<Pod> delete = new ArrayList<>();
    old.stream().filter(available.negate()).limit(allowed).forEach(delete::add);
    long availableNow = Stream.concat(current.stream(), old.stream()).filter(available).count();
    long more = Math.min(allowed - delete.size(), availableNow - minAvailable);
    old.stream()
        .filter(available)
        .sorted(newestFirst())
        .limit(Math.max(0, more))
        .forEach(delete::add);
    return delete.isEmpty() ? NOTHING : new RolloutPlan(0, delete);
  }

  /**
   * Creates or deletes pods of one template to reach the replicas, deleting unavailable and
   * newest first.
   */
  private static RolloutPlan scale(int replicas, List<Pod> pods, Predicate<Pod> available) {
    if (pods.size() < replicas) {
      return new RolloutPlan(replicas - pods.size(), List.of());
    }
    if (pods.size() == replicas) {
      return NOTHING;
    }
    List<Pod> extra = pods.stream()
        .sorted(Comparator.comparing((Pod pod) -> available.test(pod)).thenComparing(newestFirst()))
        .limit(pods.size() - replicas)
        .toList();
    return new RolloutPlan(0, extra);
  }

  private static Comparator<Pod> newestFirst() {
    return Comparator.comparing((Pod pod) -> pod.getMetadata().getCreationTimestamp(),
        Comparator.nullsLast(Comparator.reverseOrder()));
  }
}
