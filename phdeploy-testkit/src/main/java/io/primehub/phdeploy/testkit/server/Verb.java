package io.primehub.phdeploy.testkit.server;

/**
 * What a request to the API server does, in the words of Kubernetes' audit log: a read of one
 * object, a read of a collection, a watch, or one of the writes.
 */
public enum Verb {
  /** {@code GET} of one named object. */
  GET,
  /** {@code GET} of a collection. */
  LIST,
  /** {@code GET} of a collection with {@code watch=true}. */
  WATCH,
  /** {@code POST}. */
  CREATE,
  /** {@code PUT}. */
  UPDATE,
  /** {@code PATCH}. */
  PATCH,
  /** {@code DELETE} of one object or of a collection. */
  DELETE;

  /** Whether this verb changes what the server stores. */
  public boolean writes() {
    return this == CREATE || this == UPDATE || this == PATCH || this == DELETE;
  }
}
