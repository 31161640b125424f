package io.primehub.phdeploy.k8s.desired;

import io.fabric8.kubernetes.api.model.EnvVar;

/** The environment variables by which Seldon's containers learn which deployment they serve. */
final class SeldonEnv {

  private SeldonEnv() {}

  /** A variable with a literal value. */
  static EnvVar of(String name, Object value) {
    return new EnvVar(name, String.valueOf(value), null);
  }

  /** {@code SELDON_DEPLOYMENT_ID}: the deployment's name. */
  static EnvVar deploymentId(String deploymentName) {
    return of("SELDON_DEPLOYMENT_ID", deploymentName);
  }

  /** {@code PREDICTOR_ID}: the predictor's name. */
  static EnvVar predictorId(String predictorName) {
    return of("PREDICTOR_ID", predictorName);
  }
}
