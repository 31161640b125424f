package io.primehub.phdeploy.k8s.client;

import io.primehub.phdeploy.core.Nullable;

/**
 * Something the client could not do with one deployment. Unchecked, as fabric8's own exceptions
 * are; the subclasses say what went wrong, and a plain {@code PhDeploymentException} reports what
 * fits none of them, such as an interrupted wait.
 */
public class PhDeploymentException extends RuntimeException {

  /** The namespace of the deployment. */
  private final String namespace;
  /** The name of the deployment. */
  private final String name;

  /**
   * An exception about the deployment {@code namespace/name}.
   *
   * @param cause what caused it, or null
   */
  public PhDeploymentException(
      String namespace, String name, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.namespace = namespace;
    this.name = name;
  }

  /** The namespace of the deployment. */
  public String namespace() {
    return namespace;
  }

  /** The name of the deployment. */
  public String name() {
    return name;
  }
}
