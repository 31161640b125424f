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
 * too). The heap's use as its memory pools report it, read after {@link System#gc()}, also
 * counts what threads allocated since and space the collector has not filled: in the restart
 * benchmark it exceeded the histogram's count by 8 to 23 MB, varying from reading to reading, as
 * much as the controller's caches of a few thousand deployments.
 */
final class Heap {

  private static final long TOLERANCE = 1 << 20;
  private static final int MAX_HISTOGRAMS = 8;
  private static final long SETTLED_TOLERANCE = 256 << 10;
  private static final Duration SETTLE_PAUSE = Duration.ofSeconds(1);
  private static final Duration SETTLED_FOR = Duration.ofSeconds(5);
  private static final Duration MAX_SETTLING = Duration.ofMinutes(5);
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

  /**
   * Bytes of live objects once they have stopped shrinking: read every second until they have
   * not shrunk by more than 256 KB for five seconds (at most five minutes). For a reading just
   * after a controller started: the in-memory server sends its new watches every current object
   * again, one event at a time as the controller's informer takes it, and holds the events queued
   * meanwhile (19 MB still queued at 2,000 deployments once every deployment had been
   * reconciled, gone 20 seconds later). Histograms taken back to back can agree while it still
   * holds them, since each stops the threads that would take the events; hence the pause between
   * readings.
   */
  static long usedOnceSettled() throws InterruptedException {
    long start = System.nanoTime();
    long level = usedAfterFullGc();
    long since = System.nanoTime();
    while (System.nanoTime() - start < MAX_SETTLING.toNanos()) {
      Thread.sleep(SETTLE_PAUSE.toMillis());
      long used = usedAfterFullGc();
      if (level - used > SETTLED_TOLERANCE) {
        level = used;
        since = System.nanoTime();
      } else if (System.nanoTime() - since >= SETTLED_FOR.toNanos()) {
        return used;
      }
    }
    return level;
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
