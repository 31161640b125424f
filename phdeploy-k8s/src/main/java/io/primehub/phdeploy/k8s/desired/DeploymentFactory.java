package io.primehub.phdeploy.k8s.desired;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.primehub.phdeploy.core.catalog.Group;
import io.primehub.phdeploy.core.catalog.InstanceType;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.Predictor;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.core.sizing.PodSizing;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Deployment that runs a predictor: its replicas, a zero-downtime rolling update, and pods of
 * the model container beside the Seldon engine, sized to fit the instance type exactly.
 */
final class DeploymentFactory {

  /** Tells Prometheus where the engine serves its metrics. */
  private static final Map<String, String> PROMETHEUS_ANNOTATIONS = Map.of(
      "prometheus.io/scrape", "true",
      "prometheus.io/path", SeldonPorts.METRICS_PATH,
      "prometheus.io/port", Integer.toString(SeldonPorts.ENGINE_HTTP));

  private final ControllerConfig config;

  DeploymentFactory(ControllerConfig config) {
    this.config = config;
  }

  /** The Deployment of a deployment in its group, on its instance type. */
  Deployment build(PhDeployment deployment, Group group, InstanceType instanceType) {
    PhDeploymentSpec spec = deployment.getSpec();
    return new DeploymentBuilder()
        .withMetadata(OwnedMetadata.of(deployment))
        .withNewSpec()
        .withReplicas(spec.stop() ? 0 : spec.predictor().replicas())
        // The selector cannot change once created, so it leaves out the group, which can.
        .withNewSelector()
        .withMatchLabels(PodLabels.selector(deployment.name()))
        .endSelector()
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(new IntOrString(config.maxSurge()))
        .withMaxUnavailable(new IntOrString(ControllerConfig.MAX_UNAVAILABLE))
        .endRollingUpdate()
        .endStrategy()
        .withTemplate(podTemplate(deployment, group, instanceType))
        .endSpec()
        .build();
  }

  private PodTemplateSpec podTemplate(
      PhDeployment deployment, Group group, InstanceType instanceType) {
    Predictor predictor = deployment.getSpec().predictor();
    PodSizing sizing = PodSizing.split(instanceType, config.engineSlice());
    Optional<ModelStorage> storage = ModelStorage.of(predictor.modelURI(), config, sizing);
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(PodLabels.of(deployment.name(), group.name()))
        .withAnnotations(PROMETHEUS_ANNOTATIONS)
        .endMetadata()
        .withNewSpec()
        .withNodeSelector(instanceType.nodeSelector())
        // Copies, so that a hook that edits the pod cannot edit the catalog's instance type.
        .withTolerations(
            instanceType.tolerations().stream().map(t -> new TolerationBuilder(t).build()).toList())
        .withImagePullSecrets(imagePullSecrets(predictor))
        .withInitContainers(storage.map(ModelStorage::initContainer).stream().toList())
        .withContainers(
            ModelContainer.of(deployment, sizing, storage),
            EngineContainer.of(deployment, sizing, config))
        .withVolumes(storage.map(ModelStorage::volumes).orElse(List.of()))
        .endSpec()
        .build();
  }

  private static List<LocalObjectReference> imagePullSecrets(Predictor predictor) {
    String secret = predictor.imagePullSecret();
    return secret == null || secret.isBlank()
        ? List.of()
        : List.of(new LocalObjectReference(secret));
  }
}
