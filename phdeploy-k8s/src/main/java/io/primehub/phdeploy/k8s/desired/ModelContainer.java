package io.primehub.phdeploy.k8s.desired;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.primehub.phdeploy.core.naming.ContainerNames;
import io.primehub.phdeploy.core.model.Predictor;
import io.primehub.phdeploy.core.sizing.PodSizing;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@value #NAME} container: the user's model server, which only the engine calls. */
final class ModelContainer {

  /** The container's name, whose log PrimeHub shows as the deployment's log. */
  static final String NAME = ContainerNames.MODEL;

  private ModelContainer() {}

  /** The model container of a deployment's pod. */
  static Container of(PhDeployment deployment, PodSizing sizing, Optional<ModelStorage> storage) {
    Predictor predictor = deployment.getSpec().predictor();
    ContainerBuilder container = new ContainerBuilder()
        .withName(NAME)
        .withImage(predictor.modelImage())
        .withPorts(SeldonPorts.containerPort(SeldonPorts.MODEL_HTTP_NAME, SeldonPorts.MODEL_HTTP))
        .withEnv(env(deployment, storage.isPresent()))
        .withResources(ContainerResources.of(sizing.modelLimits(), sizing.modelRequests()))
        .withReadinessProbe(Probes.tcpReadiness(SeldonPorts.MODEL_HTTP));
    if (storage.isPresent()) {
      container.addToVolumeMounts(ModelStorage.modelMount());
    }
    return container.build();
  }

  /**
   * The user's variables first, then Seldon's: where a name repeats, Kubernetes takes the last
   * value, so a user's variable can never redirect the engine's wiring.
   */
  private static List<EnvVar> env(PhDeployment deployment, boolean hasModelStorage) {
    Predictor predictor = deployment.getSpec().predictor();
    List<EnvVar> env = new ArrayList<>();
    // Copies, so that a hook that edits the container cannot edit the deployment's spec.
    deployment.getSpec().env().forEach(e -> env.add(new EnvVarBuilder(e).build()));
    env.add(SeldonEnv.of("PREDICTIVE_UNIT_SERVICE_PORT", SeldonPorts.MODEL_HTTP));
    env.add(SeldonEnv.of("PREDICTIVE_UNIT_ID", EnginePredictor.MODEL_UNIT));
    env.add(SeldonEnv.of("PREDICTIVE_UNIT_IMAGE", predictor.modelImage()));
    env.add(SeldonEnv.predictorId(predictor.name()));
    env.add(SeldonEnv.deploymentId(deployment.name()));
    if (hasModelStorage) {
      env.add(ModelStorage.modelParameters());
    }
    return env;
  }
}
