package io.primehub.phdeploy.k8s.desired;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.primehub.phdeploy.core.naming.ContainerNames;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.sizing.PodSizing;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a {@code modelURI} adds to a pod: an init container that copies the model into an
 * {@code emptyDir} volume, and the volumes it reads from and writes to. The model container
 * mounts the copy read-only at {@value #MOUNT_PATH} and learns where it is from
 * {@link #modelParameters()}.
 *
 * @param initContainer the container that copies the model
 * @param volumes the pod volumes the copy needs
 */
record ModelStorage(Container initContainer, List<Volume> volumes) {

  /** The name of the init container. */
  static final String INIT_CONTAINER = ContainerNames.STORAGE_INITIALIZER;

  /** The {@code emptyDir} volume the model is copied into. */
  static final String VOLUME = "model-storage";

  /** Where both containers mount {@value #VOLUME}. */
  static final String MOUNT_PATH = "/mnt/models";

  /**
   * What a predictor's model URI adds to its pod; nothing when it has none.
   *
   * @throws IllegalArgumentException if the URI is not supported; see {@link ModelSource}
   */
  static Optional<ModelStorage> of(
      @Nullable String modelUri, ControllerConfig config, PodSizing sizing) {
    if (modelUri == null || modelUri.isBlank()) {
      return Optional.empty();
    }
    ModelSource source = ModelSource.of(modelUri, config);
    List<VolumeMount> mounts = new ArrayList<>(List.of(mount(VOLUME, MOUNT_PATH, false)));
    List<Volume> volumes = new ArrayList<>(
        List.of(new VolumeBuilder().withName(VOLUME).withNewEmptyDir().endEmptyDir().build()));
    if (source.volume() != null) {
      volumes.add(source.volume());
      mounts.add(mount(ModelSource.VOLUME, source.mountPath(), true));
    }
    // The initializer's entrypoint takes the source and destination as arguments; passing them
    // as separate values, never through a shell, keeps a URI from being read as a command.
    Container init = new ContainerBuilder()
        .withName(INIT_CONTAINER)
        .withImage(config.storageInitializerImage())
        .withArgs(source.path(), MOUNT_PATH)
        .withEnv(source.env())
        .withResources(ContainerResources.of(sizing.initLimits(), sizing.initRequests()))
        .withVolumeMounts(mounts)
        .build();
    return Optional.of(new ModelStorage(init, List.copyOf(volumes)));
  }

  /** The model container's read-only mount of the copied model. */
  static VolumeMount modelMount() {
    return mount(VOLUME, MOUNT_PATH, true);
  }

  /** {@code PREDICTIVE_UNIT_PARAMETERS}: tells the Seldon model server where the model is. */
  static EnvVar modelParameters() {
    return new EnvVar(
        "PREDICTIVE_UNIT_PARAMETERS",
        "[{\"name\":\"model_uri\",\"value\":\"" + MOUNT_PATH + "\",\"type\":\"STRING\"}]",
        null);
  }

  private static VolumeMount mount(String volume, String path, boolean readOnly) {
    return new VolumeMountBuilder()
        .withName(volume)
        .withMountPath(path)
        .withReadOnly(readOnly)
        .build();
  }
}
