package io.primehub.phdeploy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The heap in use after full collections: {@link System#gc()} until two readings in a row agree
 * within a megabyte (at most eight times), so that what is counted is what is retained.
 */
final class Heap {

  private static final long TOLERANCE = 1 << 20;
  private static final int MAX_COLLECTIONS = 8;

  private Heap() {}

  /** Bytes of heap in use after full collections. */
  static long usedAfterFullGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    long used = 0;
    for (int i = 0; i < MAX_COLLECTIONS; i++) {
      System.gc();
      used = memory.getHeapMemoryUsage().getUsed();
      if (Math.abs(previous - used) < TOLERANCE) {
        break;
      }
      previous = used;
    }
    return used;
  }
}
