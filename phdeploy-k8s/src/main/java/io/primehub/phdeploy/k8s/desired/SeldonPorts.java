package io.primehub.phdeploy.k8s.desired;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;

/** The ports of a deployment's pod, where the Seldon engine and the model server listen. */
final class SeldonPorts {

  /** The model server's REST port, which only the engine beside it calls. */
  static final int MODEL_HTTP = 9000;

  /** The name of {@link #MODEL_HTTP}. */
  static final String MODEL_HTTP_NAME = "http";

  /** The engine's REST port: predictions, {@code /ready}, {@code /live}, {@code /prometheus}. */
  static final int ENGINE_HTTP = 8000;

  /** The name of {@link #ENGINE_HTTP} on the pod. */
  static final String ENGINE_HTTP_NAME = "engine-http";

  /** The engine's gRPC port. */
  static final int ENGINE_GRPC = 5001;

  /** The name of {@link #ENGINE_GRPC} on the pod. */
  static final String ENGINE_GRPC_NAME = "engine-grpc";

  /** The engine's metrics port. */
  static final int ENGINE_METRICS = 6000;

  /** The name of {@link #ENGINE_METRICS} on the pod. */
  static final String ENGINE_METRICS_NAME = "engine-metrics";

  /** Where the engine serves Prometheus metrics on {@link #ENGINE_HTTP}. */
  static final String METRICS_PATH = "/prometheus";

  private SeldonPorts() {}

  /** A named TCP port of a container. */
  static ContainerPort containerPort(String name, int number) {
    return new ContainerPortBuilder().withName(name).withContainerPort(number).build();
  }
}
