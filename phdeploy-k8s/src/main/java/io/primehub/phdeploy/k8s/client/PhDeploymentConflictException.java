package io.primehub.phdeploy.k8s.client;

/**
 * An update kept meeting concurrent changes of the same deployment: every attempt read a version
 * that someone else replaced before the write arrived, and the client gave up.
 */
public class PhDeploymentConflictException extends PhDeploymentException {

  /** How many attempts were made. */
  private final int attempts;

  /**
   * The update of {@code namespace/name} conflicted {@code attempts} times.
   *
   * @param cause the server's last answer, a 409 Conflict
   */
  public PhDeploymentConflictException(
      String namespace, String name, int attempts, Throwable cause) {
    super(namespace, name, "gave up updating PhDeployment " + namespace + "/" + name + " after "
        + attempts + " attempts: it was changed concurrently each time; try again later", cause);
    this.attempts = attempts;
  }

  /** How many times the client read, changed and tried to write the deployment. */
  public int attempts() {
    return attempts;
  }
}
