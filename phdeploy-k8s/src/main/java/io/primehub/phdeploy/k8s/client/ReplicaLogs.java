package io.primehub.phdeploy.k8s.client;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Loggable;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.TailPrettyLoggable;
import io.fabric8.kubernetes.client.dsl.TimeTailPrettyLoggable;
import io.primehub.phdeploy.core.naming.ContainerNames;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.naming.PodLabels;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The logs of a deployment's replicas: the {@value #CONTAINER} container of each of its pods, as
 * PrimeHub shows them. Pods are those labelled {@code app=primehub-group} and
 * {@code primehub.io/phdeployment=<name>}. Immutable and thread-safe; each option returns a
 * copy:
 *
 * <pre>{@code
 * Map<String, String> logs = deployments.logs(name).tail(100).since(Duration.ofMinutes(5)).fetch();
 * try (Subscription follow = deployments.logs(name).tail(10).follow(System.out::println)) {
 *   ...
 * }
 * }</pre>
 */
public final class ReplicaLogs {

  /** The container whose log is read: the one that serves the model. */
  public static final String CONTAINER = ContainerNames.MODEL;

  private final Scope scope;
  private final String name;
  private final @Nullable Integer tailLines;
  private final @Nullable Duration since;

  ReplicaLogs(Scope scope, String name) {
    this(scope, name, null, null);
  }

  private ReplicaLogs(
      Scope scope, String name, @Nullable Integer tailLines, @Nullable Duration since) {
    this.scope = scope;
    this.name = Objects.requireNonNull(name, "name");
    this.tailLines = tailLines;
    this.since = since;
  }

  /** Only the last {@code lines} lines of each pod's log. */
  public ReplicaLogs tail(int lines) {
    if (lines < 0) {
      throw new IllegalArgumentException("tail lines is " + lines + "; give 0 or more");
    }
    return new ReplicaLogs(scope, name, lines, since);
  }

  /** Only the lines written in the last {@code age}, rounded up to whole seconds. */
  public ReplicaLogs since(Duration age) {
    if (age.isNegative() || age.isZero()) {
      throw new IllegalArgumentException("since is " + age + "; give a positive duration");
    }
    return new ReplicaLogs(scope, name, tailLines, age);
  }

  /**
   * The log of each pod, by pod name in order; empty when no pod runs, for example when the
   * deployment is stopped. A pod whose model container has not started yet has an empty log.
   */
  public SortedMap<String, String> fetch() {
    SortedMap<String, String> logs = new TreeMap<>();
    for (String pod : podNames()) {
      logs.put(pod, logOf(pod));
    }
    return logs;
  }

  /**
   * Streams the lines of every pod running now to {@code listener}, starting with the lines
   * {@link #tail} and {@link #since} select, until closed. Pods that start later are not
   * followed; follow again to include them. The listener is called from fabric8's threads, one
   * line at a time.
   */
  public Subscription follow(Consumer<LogLine> listener) {
    Object lock = new Object();
    Consumer<LogLine> oneAtATime = line -> {
      synchronized (lock) {
        listener.accept(line);
      }
    };
    List<LogWatch> watches = new ArrayList<>();
    try {
      for (String pod : podNames()) {
        LineSplitter lines = new LineSplitter(pod, oneAtATime);
        LogWatch watch = loggable(pod).watchLog(lines);
        watch.onClose().thenRun(lines::finish);
        watches.add(watch);
      }
    } catch (RuntimeException e) {
      watches.forEach(LogWatch::close);
      throw e;
    }
    return () -> watches.forEach(LogWatch::close);
  }

  private List<String> podNames() {
    return scope.client().pods().inNamespace(scope.namespace())
        .withLabels(PodLabels.selector(name))
        .list()
        .getItems()
        .stream()
        .map(pod -> pod.getMetadata().getName())
        .sorted()
        .toList();
  }

  private String logOf(String pod) {
    try {
      return loggable(pod).getLog();
    } catch (KubernetesClientException e) {
      // The API server answers 400 while the container is waiting to start: no log yet.
      if (e.getCode() == HttpURLConnection.HTTP_BAD_REQUEST) {
        return "";
      }
      throw e;
    }
  }

  private Loggable loggable(String pod) {
    TimeTailPrettyLoggable log = scope.client().pods().inNamespace(scope.namespace())
        .withName(pod)
        .inContainer(CONTAINER);
    TailPrettyLoggable recent = since == null ? log : log.sinceSeconds(wholeSeconds(since));
    return tailLines == null ? recent : recent.tailingLines(tailLines);
  }

  private static int wholeSeconds(Duration duration) {
    long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
    return (int) Math.min(seconds, Integer.MAX_VALUE);
  }
}
