package io.primehub.phdeploy.k8s.client;

import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import java.time.Duration;
import java.util.Optional;

/** The deployment did not reach the awaited phase in time; says what was seen last. */
public class PhDeploymentTimeoutException extends PhDeploymentException {

  /** The phase awaited. */
  private final Phase target;
  /** How long the client waited. */
  private final Duration timeout;
  /** The last status seen. */
  private final PhDeploymentStatus lastStatus;

  /**
   * The deployment {@code namespace/name} did not reach {@code target} within {@code timeout}.
   *
   * @param lastStatus the last status seen; empty if the controller never wrote one
   */
  public PhDeploymentTimeoutException(String namespace, String name, Phase target,
      Duration timeout, PhDeploymentStatus lastStatus) {
    super(namespace, name, "PhDeployment " + namespace + "/" + name + " did not reach " + target
        + " within " + timeout + "; last seen: " + describe(lastStatus), null);
    this.target = target;
    this.timeout = timeout;
    this.lastStatus = lastStatus;
  }

  /** The phase awaited. */
  public Phase target() {
    return target;
  }

  /** How long the client waited. */
  public Duration timeout() {
    return timeout;
  }

  /** The last status seen, empty if the controller never wrote one. */
  public PhDeploymentStatus lastStatus() {
    return lastStatus;
  }

  private static String describe(PhDeploymentStatus status) {
    if (status.phase() == null) {
      return "no phase yet; is the controller running?";
    }
    return "phase " + status.phase()
        + Optional.ofNullable(status.message()).map(m -> ", message \"" + m + "\"").orElse("");
  }
}
