package io.primehub.phdeploy.testkit.gateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spreads each deployment's requests over its ready pods in turn. The turn counts on across
 * changes of the ready set, so a pod that turns ready joins the rotation at once.
 */
final class RoundRobin {

  private final Map<String, AtomicLong> turns = new ConcurrentHashMap<>();

  /** The pod whose turn it is; empty while the route has no ready pod. */
  Optional<ReadyPod> next(DeploymentRoute route) {
    List<ReadyPod> ready = route.readyPods();
    if (ready.isEmpty()) {
      return Optional.empty();
    }
    long turn = turns
        .computeIfAbsent(route.namespace() + "/" + route.deployment(), key -> new AtomicLong())
        .getAndIncrement();
    return Optional.of(ready.get(Math.floorMod(turn, ready.size())));
  }
}
