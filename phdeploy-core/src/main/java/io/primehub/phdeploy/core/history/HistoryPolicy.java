package io.primehub.phdeploy.core.history;

import io.primehub.phdeploy.core.validation.ValidationLimits;

/**
 * How much history a deployment keeps: at most {@code maxRecords} records, and no more than
 * {@code byteBudget} bytes of them (each record counted by the size of its JSON as the API
 * server stores it, see {@link HistoryRing#byteSize}). The byte budget keeps the whole object
 * well under the 1.5 MiB etcd stores, whatever the size of the specs.
 *
 * @param maxRecords the most records kept, at least 1 (the newest is always kept)
 * @param byteBudget the most bytes the records may take together, at least 0
 */
public record HistoryPolicy(int maxRecords, int byteBudget) {

  /** The records kept by default, as the original specification says. */
  public static final int DEFAULT_MAX_RECORDS = 32;

  /**
   * The most bytes a record takes beyond its spec: {@code {"spec":…,"time":"…"}} with a time of
   * nanosecond precision takes 49.
   */
  public static final int RECORD_OVERHEAD = 64;

  /**
   * The byte budget by default: room for {@link #DEFAULT_MAX_RECORDS} records of the largest
   * spec the default validation accepts (16384 bytes), 514 KiB, so that a full history of valid
   * specs loses no record to the budget and the object stays well under the 1.5 MiB etcd
   * stores.
   */
  public static final int DEFAULT_BYTE_BUDGET =
      DEFAULT_MAX_RECORDS * (ValidationLimits.DEFAULT_MAX_SPEC_BYTES + RECORD_OVERHEAD);

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

  /** 32 records and {@link #DEFAULT_BYTE_BUDGET} bytes. */
  public static HistoryPolicy defaults() {
    return new HistoryPolicy(DEFAULT_MAX_RECORDS, DEFAULT_BYTE_BUDGET);
  }
}
