package io.primehub.phdeploy.k8s.controller.processing;

import io.primehub.phdeploy.core.Nullable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the controller keeps of a deployment's history instead of the records themselves: enough
 * to decide whether the spec changed since the newest record and which old records a new one
 * pushes out, at a few dozen bytes instead of up to half a megabyte. The sizes are kept as an
 * {@code int[]}: one summary is held per deployment, and thirty-two boxed sizes in a list would
 * cost four times the heap.
 */
public final class HistorySummary {

  /** The summary of an empty history. */
  public static final HistorySummary EMPTY = new HistorySummary(null, null, List.of());

  private final @Nullable String newestFingerprint;
  private final @Nullable Instant newestTime;
  private final int[] recordBytes;

  /**
   * A summary; the sizes are copied.
   *
   * @param newestFingerprint the fingerprint of the newest record's spec, or {@code null} when
   *     the history is empty or its newest spec cannot be read
   * @param newestTime when the newest record was made, or {@code null}
   * @param recordBytes the serialized size of each record, newest first
   */
  public HistorySummary(
      @Nullable String newestFingerprint, @Nullable Instant newestTime, List<Integer> recordBytes) {
    this.newestFingerprint = newestFingerprint;
    this.newestTime = newestTime;
    this.recordBytes = recordBytes.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The fingerprint of the newest record's spec, or {@code null}. */
  public @Nullable String newestFingerprint() {
    return newestFingerprint;
  }

  /** When the newest record was made, or {@code null}. */
  public @Nullable Instant newestTime() {
    return newestTime;
  }

  /** The serialized size of each record, newest first. */
  public List<Integer> recordBytes() {
    return Arrays.stream(recordBytes).boxed().toList();
  }

  /** How many records the history holds. */
  public int count() {
    return recordBytes.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HistorySummary that
        && Objects.equals(newestFingerprint, that.newestFingerprint)
        && Objects.equals(newestTime, that.newestTime)
        && Arrays.equals(recordBytes, that.recordBytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(newestFingerprint, newestTime, Arrays.hashCode(recordBytes));
  }

  @Override
  public String toString() {
    return "HistorySummary[newestFingerprint=" + newestFingerprint + ", newestTime=" + newestTime
        + ", recordBytes=" + Arrays.toString(recordBytes) + "]";
  }
}
