package io.primehub.phdeploy.k8s.desired;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;

/**
 * The probes of a deployment's containers. Readiness is checked early and often, because it
 * gates every rollout; liveness waits a minute, because the engine is a JVM that must load the
 * predictor graph before it answers, and restarting it while it starts would never let it start.
 */
final class Probes {

  private static final int READINESS_DELAY_SECONDS = 5;
  private static final int LIVENESS_DELAY_SECONDS = 60;
  private static final int PERIOD_SECONDS = 5;
  private static final int TIMEOUT_SECONDS = 2;
  private static final int FAILURE_THRESHOLD = 3;

  private Probes() {}

  /** Ready once something accepts TCP connections on the port. */
  static Probe tcpReadiness(int port) {
    return timing(READINESS_DELAY_SECONDS).withNewTcpSocket().withPort(new IntOrString(port))
        .endTcpSocket().build();
  }

  /** Ready while an HTTP GET of the path on the port succeeds. */
  static Probe httpReadiness(String path, int port) {
    return httpGet(READINESS_DELAY_SECONDS, path, port);
  }

  /** Alive while an HTTP GET of the path on the port succeeds. */
  static Probe httpLiveness(String path, int port) {
    return httpGet(LIVENESS_DELAY_SECONDS, path, port);
  }

  private static Probe httpGet(int initialDelaySeconds, String path, int port) {
    return timing(initialDelaySeconds).withNewHttpGet().withPath(path)
        .withPort(new IntOrString(port)).endHttpGet().build();
  }

  private static ProbeBuilder timing(int initialDelaySeconds) {
    return new ProbeBuilder()
        .withInitialDelaySeconds(initialDelaySeconds)
        .withPeriodSeconds(PERIOD_SECONDS)
        .withTimeoutSeconds(TIMEOUT_SECONDS)
        .withFailureThreshold(FAILURE_THRESHOLD);
  }
}
