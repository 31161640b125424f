package io.primehub.phdeploy.k8s.client;

/** The deployment does not exist, or was deleted while the client was waiting for it. */
public class PhDeploymentNotFoundException extends PhDeploymentException {

  /** The deployment {@code namespace/name} was not found. */
  public PhDeploymentNotFoundException(String namespace, String name) {
    this(namespace, name, "PhDeployment " + namespace + "/" + name + " not found");
  }

  /** The deployment {@code namespace/name} was not found, as {@code message} explains. */
  public PhDeploymentNotFoundException(String namespace, String name, String message) {
    super(namespace, name, message, null);
  }
}
