package io.primehub.phdeploy.core.seldon;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.primehub.phdeploy.core.Nullable;
import org.immutables.value.Value;

/** The {@code status} of a message: whether the call succeeded, and why not. */
@Value.Immutable
@JsonSerialize(as = ImmutableSeldonStatus.class)
@JsonDeserialize(as = ImmutableSeldonStatus.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public interface SeldonStatus {

  /** The {@link #status()} of a call that succeeded. */
  String SUCCESS = "SUCCESS";

  /** The {@link #status()} of a call that failed. */
  String FAILURE = "FAILURE";

  /** A code, HTTP-like in practice; 0 unless set, as in Seldon's protocol. */
  @JsonProperty("code")
  @Value.Default
  default int code() {
    return 0;
  }

  /** What happened, for people. */
  @JsonProperty("info")
  @Nullable
  String info();

  /** A short machine-readable cause, such as {@code MICROSERVICE_BAD_DATA}. */
  @JsonProperty("reason")
  @Nullable
  String reason();

  /** {@value #SUCCESS} or {@value #FAILURE}. */
  @JsonProperty("status")
  @Nullable
  String status();

  /** A failure with this code and information. */
  static SeldonStatus failure(int code, String info) {
    return builder().code(code).info(info).status(FAILURE).build();
  }

  /** A builder. */
  static ImmutableSeldonStatus.Builder builder() {
    return ImmutableSeldonStatus.builder();
  }
}
