package io.primehub.phdeploy.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.immutables.value.Value;

/**
 * One entry of {@code status.history}: a spec as it was applied, and when. The time is kept as
 * the RFC 3339 text Kubernetes writes, so records read back exactly as they were written.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableHistoryRecord.class)
@JsonDeserialize(as = ImmutableHistoryRecord.class)
public interface HistoryRecord {

  /** When the spec was applied, RFC 3339 in UTC with second precision. */
  @JsonProperty("time")
  @JsonPropertyDescription("When the spec was applied (RFC 3339).")
  String time();

  /** The spec as it was applied. */
  @JsonProperty("spec")
  @JsonPropertyDescription("The spec as it was applied.")
  PhDeploymentSpec spec();

  /** {@link #time()} as an instant. */
  @JsonIgnore
  @Value.Auxiliary
  @Value.Lazy
  default Instant instant() {
    return Instant.parse(time());
  }

  /** A record of a spec applied at an instant, truncated to seconds as Kubernetes does. */
  static HistoryRecord of(Instant time, PhDeploymentSpec spec) {
    return ImmutableHistoryRecord.builder()
        .time(DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS)))
        .spec(spec)
        .build();
  }
}
