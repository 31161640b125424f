package io.primehub.phdeploy.k8s.desired;

import static io.primehub.phdeploy.k8s.desired.Fixtures.container;
import static io.primehub.phdeploy.k8s.desired.Fixtures.env;
import static io.primehub.phdeploy.k8s.desired.Fixtures.pod;
import static io.primehub.phdeploy.k8s.desired.Fixtures.resources;
import static io.primehub.phdeploy.k8s.desired.Fixtures.withPredictor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelStorageTest {

  private static final ControllerConfig CONFIG = ControllerConfig.defaults();

  @ParameterizedTest
  @ValueSource(strings = {
      "gs://bucket/models/spam", "s3://bucket/models/spam",
      "https://models.example.com/spam.tar.gz", "http://models.example.com/spam.tar.gz",
      "models:/spam/Production"})
  void aRemoteUriIsPassedToTheInitializerAsItIs(String modelUri) {
    PodSpec pod = podFor(CONFIG, modelUri);
    Container init = init(pod);

    assertThat(init.getName()).isEqualTo("model-storage-initializer");
    assertThat(init.getImage()).isEqualTo("gcr.io/kfserving/storage-initializer:v0.4.0");
    assertThat(init.getCommand()).isEmpty();
    assertThat(init.getArgs()).containsExactly(modelUri, "/mnt/models");
    assertThat(init.getVolumeMounts()).extracting(VolumeMount::getName, VolumeMount::getMountPath,
        VolumeMount::getReadOnly).containsExactly(tuple("model-storage", "/mnt/models", false));
    assertThat(pod.getVolumes()).singleElement().satisfies(v -> {
      assertThat(v.getName()).isEqualTo("model-storage");
      assertThat(v.getEmptyDir()).isNotNull();
    });
    assertThat(init.getEnv()).isEmpty();
  }

  @Test
  void theModelReadsTheCopyReadOnlyAndIsToldWhereItIs() {
    Container model = container(
        Fixtures.desired(CONFIG, withPredictor(p -> p.withModelURI("gs://bucket/spam"))), "model");

    assertThat(model.getVolumeMounts()).extracting(VolumeMount::getName, VolumeMount::getMountPath,
        VolumeMount::getReadOnly).containsExactly(tuple("model-storage", "/mnt/models", true));
    assertThat(model.getEnv()).last().isEqualTo(new EnvVar("PREDICTIVE_UNIT_PARAMETERS",
        "[{\"name\":\"model_uri\",\"value\":\"/mnt/models\",\"type\":\"STRING\"}]", null));
  }

  @Test
  void anMlflowUriGetsTheTrackingServerWhenConfigured() {
    ControllerConfig config =
        ControllerConfig.builder().mlflowTrackingUri("http://mlflow.hub:5000").build();

    Container init = init(podFor(config, "models:/spam/3"));

    assertThat(env(init)).containsOnly(entry("MLFLOW_TRACKING_URI", "http://mlflow.hub:5000"));
    assertThat(init.getArgs()).containsExactly("models:/spam/3", "/mnt/models");
  }

  @ParameterizedTest
  @CsvSource({
      "pvc://models-claim/spam/v1, /mnt/pvc/spam/v1",
      "pvc://models-claim, /mnt/pvc",
      "pvc://models-claim//spam/, /mnt/pvc/spam"})
  void aPvcUriMountsTheClaimReadOnly(String modelUri, String source) {
    PodSpec pod = podFor(CONFIG, modelUri);
    Container init = init(pod);

    assertThat(init.getArgs()).containsExactly(source, "/mnt/models");
    assertThat(volume(pod, "model-source").getPersistentVolumeClaim().getClaimName())
        .isEqualTo("models-claim");
    assertThat(volume(pod, "model-source").getPersistentVolumeClaim().getReadOnly()).isTrue();
    assertThat(init.getVolumeMounts()).extracting(VolumeMount::getName, VolumeMount::getMountPath,
        VolumeMount::getReadOnly).containsExactly(
            tuple("model-storage", "/mnt/models", false), tuple("model-source", "/mnt/pvc", true));
    Container model =
        container(Fixtures.desired(CONFIG, withPredictor(p -> p.withModelURI(modelUri))), "model");
    assertThat(model.getVolumeMounts())
        .extracting(VolumeMount::getName)
        .containsExactly("model-storage");
  }

  @Test
  void anNfsUriMountsTheExportReadOnly() {
    PodSpec pod = podFor(CONFIG, "nfs://10.0.0.7/exports/models/spam");
    Container init = init(pod);

    assertThat(init.getArgs()).containsExactly("/mnt/nfs", "/mnt/models");
    Volume nfs = volume(pod, "model-source");
    assertThat(nfs.getNfs().getServer()).isEqualTo("10.0.0.7");
    assertThat(nfs.getNfs().getPath()).isEqualTo("/exports/models/spam");
    assertThat(nfs.getNfs().getReadOnly()).isTrue();
    assertThat(init.getVolumeMounts()).extracting(VolumeMount::getName, VolumeMount::getMountPath,
        VolumeMount::getReadOnly).contains(tuple("model-source", "/mnt/nfs", true));
  }

  @Test
  void aPhfsUriMountsTheConfiguredClaim() {
    PodSpec pod = podFor(CONFIG, "phfs://models/spam");
    Container init = init(pod);

    assertThat(init.getArgs()).containsExactly("/phfs/models/spam", "/mnt/models");
    assertThat(volume(pod, "model-source").getPersistentVolumeClaim().getClaimName())
        .isEqualTo("primehub-phfs");
    assertThat(init.getVolumeMounts()).extracting(VolumeMount::getName, VolumeMount::getMountPath,
        VolumeMount::getReadOnly).contains(tuple("model-source", "/phfs", true));

    ControllerConfig custom = ControllerConfig.builder().phfsClaimName("hub-phfs").build();
    assertThat(volume(podFor(custom, "phfs://models/spam"), "model-source")
        .getPersistentVolumeClaim().getClaimName()).isEqualTo("hub-phfs");
  }

  @Test
  void aUriThatLooksLikeAShellCommandStaysOneArgument() {
    String hostile = "gs://bucket/spam; rm -rf / #";

    Container init = init(podFor(CONFIG, hostile));

    assertThat(init.getCommand()).isEmpty();
    assertThat(init.getArgs()).containsExactly(hostile, "/mnt/models");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cpu-only", "gpu-1"})
  void theInitContainerNeverEnlargesThePod(String type) {
    DesiredState desired = Fixtures.desired(
        CONFIG, withPredictor(p -> p.withModelURI("gs://bucket/spam")), type);
    Container init = init(pod(desired));
    Container model = container(desired, "model");

    assertThat(resources(init.getResources().getLimits())
        .fitsWithin(resources(model.getResources().getLimits()))).isTrue();
    assertThat(resources(init.getResources().getRequests())
        .fitsWithin(resources(model.getResources().getRequests()))).isTrue();
    assertThat(resources(init.getResources().getRequests())
        .fitsWithin(resources(init.getResources().getLimits()))).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ftp://host/model | no supported scheme",
      "/data/model | no supported scheme",
      "pvc:///spam | must name a claim",
      "nfs:///exports | must name a server",
      "pvc:claim/spam | must start with pvc://",
      "pvc://claim/../other-claim | must not climb out",
      "phfs://../../etc | must not climb out"})
  void anUnsupportedUriIsRefusedWithAReason(String modelUri, String reason) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> podFor(CONFIG, modelUri))
        .withMessageContaining(modelUri)
        .withMessageContaining(reason);
  }

  private static PodSpec podFor(ControllerConfig config, String modelUri) {
    return pod(Fixtures.desired(config, withPredictor(p -> p.withModelURI(modelUri))));
  }

  private static Container init(PodSpec pod) {
    assertThat(pod.getInitContainers()).hasSize(1);
    return pod.getInitContainers().get(0);
  }

  private static Volume volume(PodSpec pod, String name) {
    List<Volume> volumes = pod.getVolumes();
    assertThat(volumes).extracting(Volume::getName).containsExactly("model-storage", name);
    return volumes.get(1);
  }
}
