package io.primehub.phdeploy.testkit.server;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each container of each pod has written to its log, stamped with the cluster's clock. The
 * simulated kubelet writes start-up lines here; tests may add their own. The API server serves
 * them on {@code GET /api/v1/namespaces/<ns>/pods/<pod>/log}. A pod's logs go when the pod goes.
 */
public final class PodLogs implements WriteObserver {

  private final Clock clock;
  private final Map<ContainerKey, List<LogLine>> logs = new ConcurrentHashMap<>();

  /** Logs stamped by this clock. */
  public PodLogs(Clock clock) {
    this.clock = clock;
  }

  /** Appends a line to a container's log, stamped with the cluster's time now. */
  public void append(String namespace, String pod, String container, String line) {
    logs.computeIfAbsent(
            new ContainerKey(namespace, pod, container),
            k -> Collections.synchronizedList(new ArrayList<>()))
        .add(new LogLine(clock.instant(), line));
  }

  /** The lines of a container's log, oldest first; empty if it wrote none. */
  public List<String> lines(String namespace, String pod, String container) {
    return entries(namespace, pod, container).stream().map(LogLine::text).toList();
  }

  /** The lines of a container's log with their times, oldest first. */
  List<LogLine> entries(String namespace, String pod, String container) {
    List<LogLine> lines = logs.get(new ContainerKey(namespace, pod, container));
    if (lines == null) {
      return List.of();
    }
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** The cluster's time now, from which {@code sinceSeconds} counts back. */
  Instant now() {
    return clock.instant();
  }

  /** Forgets the logs of every container of a pod that was deleted. */
  @Override
  public void deleted(StoredObject object) {
    if (object.resource().equals("pods") && object.group().isEmpty()) {
      logs.keySet().removeIf(key -> key.namespace().equals(object.namespace())
          && key.pod().equals(object.name()));
    }
  }

  /** One line of a log. */
  record LogLine(Instant time, String text) {}

  private record ContainerKey(String namespace, String pod, String container) {}
}
