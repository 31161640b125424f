package io.primehub.phdeploy.core.phase;

import java.time.Duration;
import java.util.StringJoiner;

/** The small pieces of English that the messages of this package are put together from. */
final class Words {

  private Words() {}

  /** {@code 1 pod}, {@code 2 pods}: a count with its noun, plural when it is not one. */
  static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /**
   * A message of Kubernetes' as a sentence of ours: with a full stop, unless it ends with one
   * already (the scheduler's does, the kubelet's do not).
   */
  static String sentence(String text) {
    return text.endsWith(".") ? text : text + ".";
  }

  /** {@code 5m}, {@code 4m 59s}, {@code 1h 30m}: a duration to the second, for people. */
  static String duration(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    StringJoiner parts = new StringJoiner(" ");
    if (seconds >= 3600) {
      parts.add(seconds / 3600 + "h");
    }
    if (seconds % 3600 >= 60) {
      parts.add(seconds % 3600 / 60 + "m");
    }
    if (seconds % 60 > 0 || seconds == 0) {
      parts.add(seconds % 60 + "s");
    }
    return parts.toString();
  }
}
