package io.primehub.phdeploy.core.validation;

import java.io.Serializable;
import java.util.Objects;

/**
 * One rule a spec breaks.
 *
 * @param path the field as a person reads it, for example {@code spec.predictors[0].modelImage}
 *     or {@code spec.predictors[0].metadata["ACCURACY"]}; {@code spec} for the spec as a whole
 * @param message what is wrong and what to do about it
 */
public record Violation(String path, String message) implements Serializable {

  /** A violation; both parts are required. */
  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** {@code path: message}. */
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
