package io.primehub.phdeploy.core.validation;

/**
 * The path of a field as a person reads it. The validator and the reader build paths the same
 * way, so a field is named alike whether its value broke a rule or could not be read at all.
 */
record FieldPath(String text) {

  /** {@code spec}. */
  static final FieldPath SPEC = new FieldPath("spec");

  /** {@code metadata.name}: the deployment's name. */
  static final FieldPath NAME = new FieldPath("metadata").child("name");

  /** {@code this.field}. */
  FieldPath child(String field) {
    return new FieldPath(text + "." + field);
  }

  /** {@code this[index]}. */
  FieldPath index(int index) {
    return new FieldPath(text + "[" + index + "]");
  }

  /** {@code this["key"]}: an entry of a map, whose keys may hold any character. */
  FieldPath key(String key) {
    return new FieldPath(text + "[\"" + Texts.escape(key) + "\"]");
  }
}
