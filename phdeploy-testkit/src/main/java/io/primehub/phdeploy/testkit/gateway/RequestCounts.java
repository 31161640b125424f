package io.primehub.phdeploy.testkit.gateway;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How many requests the gateway has routed to each pod of each deployment. */
final class RequestCounts {

  private final Map<String, Map<String, LongAdder>> byDeployment = new ConcurrentHashMap<>();

  /** Counts one request routed to {@code pod}. */
  void count(String deployment, String pod) {
    byDeployment
        .computeIfAbsent(deployment, name -> new ConcurrentHashMap<>())
        .computeIfAbsent(pod, name -> new LongAdder())
        .increment();
  }

  /** The counts of a deployment's pods so far, by pod name in order; empty if none. */
  Map<String, Long> byPod(String deployment) {
    Map<String, Long> counts = new TreeMap<>();
    byDeployment.getOrDefault(deployment, Map.of())
        .forEach((pod, count) -> counts.put(pod, count.sum()));
    return Collections.unmodifiableMap(counts);
  }
}
