package io.primehub.phdeploy.k8s.standalone;

/**
 * The standalone controller cannot start; the message tells a person what to do, and the exit
 * code tells a script whether the settings or the cluster are at fault.
 */
public class StartupFailure extends RuntimeException {

  /** The exit code of a start that failed for another reason than the settings. */
  public static final int START_FAILED = 1;

  /** The exit code of settings the controller cannot start with. */
  public static final int BAD_SETTINGS = 2;

  private final int exitCode;

  /** A failure that ends the process with {@code exitCode}. */
  public StartupFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** A start failure caused by {@code cause}. */
  public StartupFailure(String message, Throwable cause) {
    super(message, cause);
    this.exitCode = START_FAILED;
  }

  /** The process's exit code. */
  public int exitCode() {
    return exitCode;
  }
}
