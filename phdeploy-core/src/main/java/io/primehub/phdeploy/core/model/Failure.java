package io.primehub.phdeploy.core.model;

import java.util.Objects;

/**
 * Why a deployment cannot run, in the two forms the status carries: a machine-readable reason
 * and a message that tells a person the cause and what to do.
 *
 * @param reason the reason written to {@code status.reason}
 * @param message the message written to {@code status.message}
 */
public record Failure(FailureReason reason, String message) {

  /** A failure; both parts are required. */
  public Failure {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
