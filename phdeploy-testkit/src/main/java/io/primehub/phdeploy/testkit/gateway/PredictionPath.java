package io.primehub.phdeploy.testkit.gateway;

import io.primehub.phdeploy.core.naming.EndpointPaths;
import java.util.Optional;

/** Recognises the prediction path {@code /deployment/<name>/api/v1.0/predictions}. */
final class PredictionPath {

  private static final String DEPLOYMENTS = "/deployment/";

  private PredictionPath() {}

  /** The deployment whose prediction path this is; empty for any other path. */
  static Optional<String> deploymentOf(String path) {
    if (!path.startsWith(DEPLOYMENTS)) {
      return Optional.empty();
    }
    int end = path.indexOf('/', DEPLOYMENTS.length());
    if (end <= DEPLOYMENTS.length()) {
      return Optional.empty();
    }
    String deployment = path.substring(DEPLOYMENTS.length(), end);
    // Compared with the core's own path, so that the gateway serves exactly what status shows.
    return Optional.of(deployment)
        .filter(name -> path.equals(EndpointPaths.prefix(name) + EndpointPaths.PREDICTIONS));
  }
}
