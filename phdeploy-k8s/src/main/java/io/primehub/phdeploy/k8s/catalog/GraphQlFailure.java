package io.primehub.phdeploy.k8s.catalog;

import io.primehub.phdeploy.core.Nullable;

/**
 * A GraphQL request that did not give a usable answer, and whether asking again soon may help: a
 * network failure or a server error may pass, a rejected secret or an error in the query does
 * not. Its message never holds the secret.
 */
final class GraphQlFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean transientFailure;

  GraphQlFailure(String message, boolean transientFailure, @Nullable Throwable cause) {
    super(message, cause);
    this.transientFailure = transientFailure;
  }

  /** Whether the same request may succeed if sent again. */
  boolean isTransient() {
    return transientFailure;
  }
}
