package io.primehub.phdeploy.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who may call a deployment's prediction endpoint. */
public enum AccessType {
  /** Anyone who can reach the endpoint. */
  PUBLIC("public"),
  /** Only clients that present a token registered in {@code spec.endpoint.clients}. */
  PRIVATE("private");

  private final String wireName;

  AccessType(String wireName) {
    this.wireName = wireName;
  }

  /** The name on the wire: {@code public} or {@code private}. */
  @JsonValue
  public String wireName() {
    return wireName;
  }

  /**
   * Reads an access type from its wire name.
   *
   * @throws IllegalArgumentException if the name is neither {@code public} nor {@code private}
   */
  @JsonCreator
  public static AccessType fromWireName(String name) {
    for (AccessType type : values()) {
      if (type.wireName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown access type '" + name + "', expected 'public' or 'private'");
  }

  @Override
  public String toString() {
    return wireName;
  }
}
