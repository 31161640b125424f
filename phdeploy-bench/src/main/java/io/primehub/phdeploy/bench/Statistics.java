package io.primehub.phdeploy.bench;

import java.util.List;

/** Percentiles by the nearest-rank method, on which medians and 99th percentiles agree. */
final class Statistics {

  private Statistics() {}

  /** The {@code p}th percentile (0 < p <= 100) of the values, by nearest rank. */
  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    List<Double> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** Seconds from a {@link System#nanoTime()} reading until now. */
  static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
