package io.primehub.phdeploy.k8s.desired;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.primehub.phdeploy.core.naming.ContainerNames;
import io.primehub.phdeploy.core.model.Predictor;
import io.primehub.phdeploy.core.sizing.PodSizing;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import io.primehub.phdeploy.k8s.resource.PhDeployment;

/**
 * The {@value #NAME} container: Seldon's engine, which takes every prediction request, forwards
 * it to the model container on localhost and counts it for Prometheus.
 */
final class EngineContainer {

  /** The container's name, as Seldon names it. */
  static final String NAME = ContainerNames.ENGINE;

  private EngineContainer() {}

  /** The engine container of a deployment's pod. */
  static Container of(PhDeployment deployment, PodSizing sizing, ControllerConfig config) {
    Predictor predictor = deployment.getSpec().predictor();
    return new ContainerBuilder()
        .withName(NAME)
        .withImage(config.engineImage())
        .withPorts(
            SeldonPorts.containerPort(SeldonPorts.ENGINE_HTTP_NAME, SeldonPorts.ENGINE_HTTP),
            SeldonPorts.containerPort(SeldonPorts.ENGINE_GRPC_NAME, SeldonPorts.ENGINE_GRPC),
            SeldonPorts.containerPort(SeldonPorts.ENGINE_METRICS_NAME, SeldonPorts.ENGINE_METRICS))
        .withEnv(
            SeldonEnv.of("ENGINE_PREDICTOR", EnginePredictor.encoded(predictor)),
            SeldonEnv.of("ENGINE_SERVER_PORT", SeldonPorts.ENGINE_HTTP),
            SeldonEnv.of("ENGINE_SERVER_GRPC_PORT", SeldonPorts.ENGINE_GRPC),
            SeldonEnv.deploymentId(deployment.name()),
            SeldonEnv.predictorId(predictor.name()))
        .withResources(ContainerResources.of(sizing.engineLimits(), sizing.engineRequests()))
        .withReadinessProbe(Probes.httpReadiness("/ready", SeldonPorts.ENGINE_HTTP))
        .withLivenessProbe(Probes.httpLiveness("/live", SeldonPorts.ENGINE_HTTP))
        .build();
  }
}
