package io.primehub.phdeploy.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The phase of a deployment, as written to {@code status.phase}. */
public enum Phase {
  /** Created, updated or started; not all desired replicas are updated and available yet. */
  DEPLOYING("Deploying"),
  /** All desired replicas are updated and available. */
  DEPLOYED("Deployed"),
  /** A stop was requested and pods remain. */
  STOPPING("Stopping"),
  /** A stop was requested and no pod remains. */
  STOPPED("Stopped"),
  /** The deployment cannot run; {@code status.reason} and {@code status.message} say why. */
  FAILED("Failed");

  private final String wireName;

  Phase(String wireName) {
    this.wireName = wireName;
  }

  /** The name on the wire, for example {@code Deployed}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads a phase from its wire name. Case is ignored, because the original specification's
   * example writes {@code deploying} where the controller has always written {@code Deploying}.
   *
   * @throws IllegalArgumentException if the name is no phase
   */
  @JsonCreator
  public static Phase fromWireName(String name) {
    for (Phase phase : values()) {
      if (phase.wireName.equalsIgnoreCase(name)) {
        return phase;
      }
    }
    throw new IllegalArgumentException(
        "unknown phase '" + name + "', expected one of Deploying, Deployed, Stopping, Stopped, Failed");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
