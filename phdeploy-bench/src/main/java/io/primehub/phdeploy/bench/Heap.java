package io.primehub.phdeploy.bench;

import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The bytes of the live objects on the heap, as the JVM's class histogram counts them after a
 * full collection (the diagnostic command {@code GC.class_histogram}, which {@code jcmd} runs
 * too). The heap's use as its memory pools report it, read after {@link System#gc()}, also
 * counts what threads allocated since and space the collector has not filled: in the restart
 * benchmark it exceeded the histogram's count by 8 to 23 MB, varying from reading to reading, as
 * much as the controller's caches of a few thousand deployments.
 */
final class Heap {

  private static final long TOLERANCE = 1 << 20;
  private static final int MAX_HISTOGRAMS = 8;
  private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

  private Heap() {}

  /** Bytes of live objects: histograms until two in a row agree within a megabyte (at most 8). */
  static long usedAfterFullGc() {
    long previous = Long.MAX_VALUE;
    long used = 0;
    for (int i = 0; i < MAX_HISTOGRAMS; i++) {
      used = liveBytes();
      if (Math.abs(previous - used) < TOLERANCE) {
        break;
      }
      previous = used;
    }
    return used;
  }

  private static long liveBytes() {
    // The histogram's own collection is skipped while a thread holds the GC locker (in zlib,
    // say), and the histogram then counts garbage too; an explicit collection waits for it.
    System.gc();
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
