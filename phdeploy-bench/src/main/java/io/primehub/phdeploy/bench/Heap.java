package io.primehub.phdeploy.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The bytes of the live objects on the heap, as the JVM's class histogram counts them after a
 * full collection (the diagnostic command {@code GC.class_histogram}, which {@code jcmd} runs
 * too), taken again and again until the count has not shrunk by more than 256 KB for three
 * seconds (at most five minutes).
 *
 * <p>Why not the heap's use as its memory pools report it, after {@link System#gc()}: that also
 * counts what threads allocated since and space the collector has not filled; in the restart
 * benchmark it exceeded the histogram's count by 8 to 23 MB, varying from reading to reading, as
 * much as the controller's caches of a few thousand deployments. Why wait until it has stopped
 * shrinking: the in-memory server sends a newly started controller's watches every current
 * object again, one event at a time as the controller's informer takes it, and holds the events
 * queued meanwhile (19 MB still queued at 2,000 deployments when the controller had reconciled
 * them all, gone 20 seconds later); two histograms in a row can agree while it still holds them.
 */
final class Heap {

  private static final long TOLERANCE = 256 << 10;
  private static final long STEADY_NANOS = Duration.ofSeconds(3).toNanos();
  private static final long MAX_WAIT_NANOS = Duration.ofMinutes(5).toNanos();
  private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

  private Heap() {}

  /** Bytes of live objects on the heap, once they have stopped shrinking. */
  static long usedAfterFullGc() {
    long start = System.nanoTime();
    long steadySince = start;
    long steadyLevel = liveBytes();
    long used = steadyLevel;
    while (System.nanoTime() - start < MAX_WAIT_NANOS) {
      used = liveBytes();
      if (steadyLevel - used > TOLERANCE) {
        steadyLevel = used;
        steadySince = System.nanoTime();
      } else if (System.nanoTime() - steadySince >= STEADY_NANOS) {
        break;
      }
    }
    return used;
  }

  private static long liveBytes() {
    String histogram;
    try {
      histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
    } catch (JMException e) {
      throw new IllegalStateException("this JVM takes no class histogram", e);
    }
    Matcher total = TOTAL.matcher(histogram);
    if (!total.find()) {
      throw new IllegalStateException("a class histogram without a total");
    }
    return Long.parseLong(total.group(1));
  }
}
