package io.primehub.phdeploy.k8s.controller.processing;

import io.primehub.phdeploy.core.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * What the controller keeps of a deployment's history instead of the records themselves: enough
 * to decide whether the spec changed since the newest record and which old records a new one
 * pushes out, at a few dozen bytes instead of up to half a megabyte.
 *
 * @param newestFingerprint the fingerprint of the newest record's spec, or {@code null} when
 *     the history is empty or its newest spec cannot be read
 * @param newestTime when the newest record was made, or {@code null}
 * @param recordBytes the serialized size of each record, newest first
 */
public record HistorySummary(
    @Nullable String newestFingerprint, @Nullable Instant newestTime, List<Integer> recordBytes) {

  /** The summary of an empty history. */
  public static final HistorySummary EMPTY = new HistorySummary(null, null, List.of());

  /** A summary; the sizes are copied. */
  public HistorySummary {
    recordBytes = List.copyOf(recordBytes);
  }

  /** How many records the history holds. */
  public int count() {
    return recordBytes.size();
  }
}
