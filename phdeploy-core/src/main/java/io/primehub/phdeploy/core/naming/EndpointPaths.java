package io.primehub.phdeploy.core.naming;

/**
 * Where a deployment answers: the Ingress path {@code /deployment/<name>/} and the Seldon
 * prediction URL below it.
 */
public final class EndpointPaths {

  /** The Seldon REST path of predictions, below a deployment's prefix. */
  public static final String PREDICTIONS = "api/v1.0/predictions";

  private EndpointPaths() {}

  /** {@code /deployment/<name>/}: the prefix the Ingress routes and strips. */
  public static String prefix(String deploymentName) {
    return "/deployment/" + deploymentName + "/";
  }

  /** {@code /deployment/<name>/(.+)}: the Ingress path, whose capture is the upstream path. */
  public static String ingressPathPattern(String deploymentName) {
    return prefix(deploymentName) + "(.+)";
  }

  /**
   * {@code <base>/deployment/<name>/api/v1.0/predictions}. A trailing {@code /} of the base URL
   * is ignored.
   */
  public static String predictionUrl(String baseUrl, String deploymentName) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base + prefix(deploymentName) + PREDICTIONS;
  }
}
