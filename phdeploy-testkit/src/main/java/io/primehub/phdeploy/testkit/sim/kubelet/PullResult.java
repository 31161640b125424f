package io.primehub.phdeploy.testkit.sim.kubelet;

/**
 * How pulling an image went.
 *
 * @param pulled whether the image is there to run
 * @param invalidName whether the reference itself is invalid, which no retry mends
 * @param message the kubelet's message if the image was not pulled, else empty
 */
public record PullResult(boolean pulled, boolean invalidName, String message) {

  /** The image was pulled. */
  public static final PullResult PULLED = new PullResult(true, false, "");

  static PullResult failed(String message) {
    return new PullResult(false, false, message);
  }

  static PullResult invalid(String message) {
    return new PullResult(false, true, message);
  }
}
