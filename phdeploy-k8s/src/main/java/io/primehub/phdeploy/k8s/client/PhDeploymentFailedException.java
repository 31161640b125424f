package io.primehub.phdeploy.k8s.client;

import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import java.util.Optional;

/**
 * The deployment reached {@code Failed} while the client waited for another phase. The status
 * carries the controller's reason and a message that says what to do.
 */
public class PhDeploymentFailedException extends PhDeploymentException {

  /** The status that reported the failure. */
  private final PhDeploymentStatus status;

  /** The deployment {@code namespace/name} failed, as {@code status} says. */
  public PhDeploymentFailedException(String namespace, String name, PhDeploymentStatus status) {
    super(namespace, name, "PhDeployment " + namespace + "/" + name + " failed"
        + Optional.ofNullable(status.reason()).map(r -> " (" + r + ")").orElse("")
        + ": " + Optional.ofNullable(status.message()).orElse("no message"), null);
    this.status = status;
  }

  /** The machine-readable reason, if the controller gave one. */
  public Optional<FailureReason> reason() {
    return Optional.ofNullable(status.reason());
  }

  /** The controller's message for people, or null if it gave none. */
  public @Nullable String statusMessage() {
    return status.message();
  }

  /** The status that reported the failure. */
  public PhDeploymentStatus status() {
    return status;
  }
}
