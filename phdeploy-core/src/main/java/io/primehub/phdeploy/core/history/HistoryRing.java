package io.primehub.phdeploy.core.history;

import io.primehub.phdeploy.core.model.HistoryRecord;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.WireJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps {@code status.history}: newest first, one record per change of the spec, bounded by a
 * {@link HistoryPolicy} in records and in bytes. A spec is "the same" as a recorded one when
 * their {@link SpecFingerprint fingerprints} are equal, so a retry, a restart or a status-only
 * change never adds a record.
 *
 * <p>Which records survive is decided by sizes alone ({@link #retainedCount}), so a controller
 * that keeps only the sizes of the records, not the records, decides exactly as
 * {@link #record} does.
 */
public final class HistoryRing {

  private final HistoryPolicy policy;

  /** A ring that keeps history within the policy. */
  public HistoryRing(HistoryPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** The policy this ring keeps. */
  public HistoryPolicy policy() {
    return policy;
  }

  /**
   * The history after {@code spec} is applied at {@code now}. If {@code spec} is the newest
   * recorded spec, the history is returned unchanged. Otherwise a record of it is put first and
   * the oldest records are dropped while more than {@link HistoryPolicy#maxRecords} remain or
   * they take more than {@link HistoryPolicy#byteBudget} bytes together; the new record is kept
   * even if it alone exceeds the budget, since the validator bounds the size of a spec.
   *
   * @param history the recorded history, newest first
   * @param spec the spec applied now
   * @param now when it is applied; the record keeps it to the second
   * @return an unmodifiable history, newest first
   */
  public List<HistoryRecord> record(
      List<HistoryRecord> history, PhDeploymentSpec spec, Instant now) {
    if (isRecorded(history, spec)) {
      return List.copyOf(history);
    }
    HistoryRecord added = HistoryRecord.of(now, spec);
    // Records beyond maxRecords - 1 can never survive, so they are not worth serializing.
    List<Integer> existingBytes = history.stream()
        .limit(policy.maxRecords() - 1L)
        .map(HistoryRing::byteSize)
        .toList();
    int retained = retainedCount(byteSize(added), existingBytes, policy);
    List<HistoryRecord> updated = new ArrayList<>(retained + 1);
    updated.add(added);
    updated.addAll(history.subList(0, retained));
    return List.copyOf(updated);
  }

  /**
   * How many existing records survive when a new record is put first: the longest run of the
   * newest existing records that, with the new record, is at most
   * {@link HistoryPolicy#maxRecords} records and {@link HistoryPolicy#byteBudget} bytes.
   *
   * @param newRecordBytes the {@link #byteSize} of the new record
   * @param existingRecordBytes the {@link #byteSize} of each existing record, newest first
   * @param policy the bounds to keep
   * @return a count between 0 and {@code existingRecordBytes.size()}
   * @throws IllegalArgumentException if a size is negative
   */
  public static int retainedCount(
      int newRecordBytes, List<Integer> existingRecordBytes, HistoryPolicy policy) {
    requireSize(newRecordBytes);
    int limit = Math.min(existingRecordBytes.size(), policy.maxRecords() - 1);
    long total = newRecordBytes;
    int retained = 0;
    while (retained < limit) {
      total += requireSize(existingRecordBytes.get(retained));
      if (total > policy.byteBudget()) {
        break;
      }
      retained++;
    }
    return retained;
  }

  /** Whether {@code spec} is the newest recorded spec, by {@link SpecFingerprint}. */
  public static boolean isRecorded(List<HistoryRecord> history, PhDeploymentSpec spec) {
    return !history.isEmpty()
        && SpecFingerprint.of(history.get(0).spec()).equals(SpecFingerprint.of(spec));
  }

  /**
   * The size a record counts against the byte budget: its JSON as the API server stores it, in
   * bytes ({@link WireJson#byteSize}).
   */
  public static int byteSize(HistoryRecord record) {
    return WireJson.byteSize(record);
  }

  private static int requireSize(int bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("a record size cannot be negative, got " + bytes);
    }
    return bytes;
  }
}
