package io.primehub.phdeploy.k8s.client;

import java.util.Objects;

/**
 * One line of a replica's log, as {@link ReplicaLogs#follow} streams it.
 *
 * @param pod the name of the pod that wrote it
 * @param line the line, without its line break
 */
public record LogLine(String pod, String line) {

  /** A line; both parts are required. */
  public LogLine {
    Objects.requireNonNull(pod, "pod");
    Objects.requireNonNull(line, "line");
  }
}
