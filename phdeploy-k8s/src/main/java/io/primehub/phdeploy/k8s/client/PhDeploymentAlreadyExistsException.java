package io.primehub.phdeploy.k8s.client;

/** A deployment of the name to create exists already. */
public class PhDeploymentAlreadyExistsException extends PhDeploymentException {

  /** The deployment {@code namespace/name} exists already; {@code cause} is the server's answer. */
  public PhDeploymentAlreadyExistsException(String namespace, String name, Throwable cause) {
    super(namespace, name, "PhDeployment " + namespace + "/" + name
        + " already exists; pick another name, or update it instead", cause);
  }
}
