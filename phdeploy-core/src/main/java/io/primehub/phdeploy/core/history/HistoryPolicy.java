package io.primehub.phdeploy.core.history;

/**
 * How much history a deployment keeps: at most {@code maxRecords} records, and no more than
 * {@code byteBudget} bytes of them (each record counted by its canonical JSON size, see
 * {@link HistoryRing#byteSize}). The byte budget keeps the whole object well under the 1 MiB
 * Kubernetes allows, whatever the size of the specs.
 *
 * @param maxRecords the most records kept, at least 1 (the newest is always kept)
 * @param byteBudget the most bytes the records may take together, at least 0
 */
public record HistoryPolicy(int maxRecords, int byteBudget) {

  /** The records kept by default, as the original specification says. */
  public static final int DEFAULT_MAX_RECORDS = 32;

  /** The byte budget by default: 512 KiB, half of what Kubernetes allows a whole object. */
  public static final int DEFAULT_BYTE_BUDGET = 512 * 1024;

  /**
   * A policy.
   *
   * @throws IllegalArgumentException if {@code maxRecords} is below 1 or {@code byteBudget} is
   *     negative
   */
  public HistoryPolicy {
    if (maxRecords < 1) {
      throw new IllegalArgumentException("maxRecords must be at least 1, got " + maxRecords);
    }
    if (byteBudget < 0) {
      throw new IllegalArgumentException("byteBudget must not be negative, got " + byteBudget);
    }
  }

  /** 32 records and 512 KiB. */
  public static HistoryPolicy defaults() {
    return new HistoryPolicy(DEFAULT_MAX_RECORDS, DEFAULT_BYTE_BUDGET);
  }
}
