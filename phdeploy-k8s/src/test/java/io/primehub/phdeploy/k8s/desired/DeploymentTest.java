package io.primehub.phdeploy.k8s.desired;

import static io.primehub.phdeploy.k8s.desired.Fixtures.NAME;
import static io.primehub.phdeploy.k8s.desired.Fixtures.container;
import static io.primehub.phdeploy.k8s.desired.Fixtures.desired;
import static io.primehub.phdeploy.k8s.desired.Fixtures.env;
import static io.primehub.phdeploy.k8s.desired.Fixtures.pod;
import static io.primehub.phdeploy.k8s.desired.Fixtures.spamClassifier;
import static io.primehub.phdeploy.k8s.desired.Fixtures.withPredictor;
import static io.primehub.phdeploy.k8s.desired.Fixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.primehub.phdeploy.core.catalog.Group;
import io.primehub.phdeploy.core.catalog.InstanceType;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeploymentTest {

  private static final String IMAGE = "sandhya1594/spam-classifier:1.0.0.1";

  @Test
  void runsThePredictorsReplicasAndNoneWhenStopped() {
    assertThat(desired().deployment().getSpec().getReplicas()).isEqualTo(2);

    PhDeployment stopped = withSpec(spec -> spec.withStop(true));
    assertThat(desired(ControllerConfig.defaults(), stopped).deployment().getSpec().getReplicas())
        .isZero();
  }

  @Test
  void selectsItsPodsByAppAndDeploymentButNeverByGroup() {
    Deployment deployment = desired().deployment();

    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .containsOnly(entry("app", "primehub-group"), entry("primehub.io/phdeployment", NAME));
    assertThat(deployment.getSpec().getSelector().getMatchExpressions()).isEmpty();
  }

  @Test
  void rollsOutWithoutEverLoweringCapacity() {
    DeploymentStrategy strategy = desired().deployment().getSpec().getStrategy();

    assertThat(strategy.getType()).isEqualTo("RollingUpdate");
    assertThat(strategy.getRollingUpdate().getMaxSurge()).isEqualTo(new IntOrString(1));
    assertThat(strategy.getRollingUpdate().getMaxUnavailable()).isEqualTo(new IntOrString(0));

    ControllerConfig surge3 = ControllerConfig.builder().maxSurge(3).build();
    assertThat(desired(surge3, spamClassifier()).deployment().getSpec().getStrategy()
        .getRollingUpdate().getMaxSurge()).isEqualTo(new IntOrString(3));
  }

  @Test
  void labelsAndAnnotatesItsPodsForPrimeHubAndPrometheus() {
    var template = desired().deployment().getSpec().getTemplate().getMetadata();

    assertThat(template.getLabels()).containsOnly(
        entry("app", "primehub-group"),
        entry("primehub.io/phdeployment", NAME),
        entry("primehub.io/group", "phusers"));
    assertThat(template.getAnnotations()).containsOnly(
        entry("prometheus.io/scrape", "true"),
        entry("prometheus.io/path", "/prometheus"),
        entry("prometheus.io/port", "8000"),
        entry(DesiredHash.TEMPLATE_ANNOTATION, DesiredHash.ofTemplate(
            desired().deployment().getSpec().getTemplate())));
  }

  @Test
  void escapesAGroupNameThatIsNoLabelValue() {
    Group group = Group.builder().name("Data Science & ML").modelDeploymentEnabled(true).build();
    DesiredState desired = new DesiredStateFactory(ControllerConfig.defaults())
        .build(spamClassifier(), group, Fixtures.instanceType("cpu-only"));

    assertThat(desired.deployment().getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("primehub.io/group", PodLabels.escapeGroup("Data Science & ML"))
        .doesNotContainValue("Data Science & ML");
  }

  @Test
  void aCpuOnlyPodHasNoNodeSelectorTolerationOrPullSecret() {
    PodSpec pod = pod(desired());

    assertThat(pod.getNodeSelector()).isEmpty();
    assertThat(pod.getTolerations()).isEmpty();
    assertThat(pod.getImagePullSecrets()).isEmpty();
    assertThat(pod.getInitContainers()).isEmpty();
    assertThat(pod.getVolumes()).isEmpty();
    assertThat(pod.getContainers()).extracting(Container::getName)
        .containsExactly("model", "seldon-container-engine");
  }

  @Test
  void aGpuPodRunsWhereTheInstanceTypeSays() {
    PodSpec pod = pod(desired(ControllerConfig.defaults(), spamClassifier(), "gpu-1"));

    assertThat(pod.getNodeSelector()).containsOnly(entry("accelerator", "nvidia"));
    assertThat(pod.getTolerations()).singleElement().satisfies(t -> {
      assertThat(t.getKey()).isEqualTo("nvidia.com/gpu");
      assertThat(t.getOperator()).isEqualTo("Exists");
      assertThat(t.getEffect()).isEqualTo("NoSchedule");
    });
  }

  @Test
  void editingThePodLeavesTheCatalogAlone() {
    InstanceType gpu = Fixtures.instanceType("gpu-1");
    DesiredState desired = new DesiredStateFactory(ControllerConfig.defaults())
        .build(spamClassifier(), Fixtures.phusers(), gpu);

    Toleration toleration = pod(desired).getTolerations().get(0);
    toleration.setEffect("NoExecute");

    assertThat(gpu.tolerations().get(0).getEffect()).isEqualTo("NoSchedule");
  }

  @Test
  void pullsTheModelImageWithThePredictorsSecret() {
    PhDeployment deployment = withPredictor(p -> p.withImagePullSecret("regcred"));

    assertThat(pod(desired(ControllerConfig.defaults(), deployment)).getImagePullSecrets())
        .containsExactly(new LocalObjectReference("regcred"));
  }

  @Test
  void theModelContainerServesTheImageOnPort9000() {
    Container model = container(desired(), "model");

    assertThat(model.getImage()).isEqualTo(IMAGE);
    assertThat(model.getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
        .containsExactly(tuple("http", 9000));
    assertThat(model.getReadinessProbe().getTcpSocket().getPort()).isEqualTo(new IntOrString(9000));
    assertThat(model.getReadinessProbe().getHttpGet()).isNull();
    assertThat(model.getLivenessProbe()).isNull();
    assertThat(model.getVolumeMounts()).isEmpty();
    assertThat(model.getCommand()).isEmpty();
  }

  @Test
  void theModelContainerGetsTheUsersEnvFirstThenSeldons() {
    EnvVar fromSecret = new EnvVarBuilder().withName("API_KEY").withNewValueFrom()
        .withNewSecretKeyRef("key", "model-secrets", false).endValueFrom().build();
    PhDeployment deployment = withSpec(spec -> spec.withEnv(
        new EnvVar("LEARNING_RATE", "0.02", null), fromSecret,
        new EnvVar("PREDICTIVE_UNIT_SERVICE_PORT", "1234", null)));

    List<EnvVar> env =
        container(desired(ControllerConfig.defaults(), deployment), "model").getEnv();

    assertThat(env).extracting(EnvVar::getName).containsExactly(
        "LEARNING_RATE", "API_KEY", "PREDICTIVE_UNIT_SERVICE_PORT",
        "PREDICTIVE_UNIT_SERVICE_PORT", "PREDICTIVE_UNIT_ID", "PREDICTIVE_UNIT_IMAGE",
        "PREDICTOR_ID", "SELDON_DEPLOYMENT_ID");
    assertThat(env).extracting(EnvVar::getValue).containsExactly(
        "0.02", null, "1234", "9000", "model", IMAGE, "predictor1", NAME);
    assertThat(env.get(1)).isEqualTo(fromSecret);
  }

  @Test
  void theEngineServesRestGrpcAndMetrics() {
    Container engine = container(desired(), "seldon-container-engine");

    assertThat(engine.getImage()).isEqualTo("seldonio/engine:1.1.0");
    assertThat(engine.getPorts())
        .extracting(ContainerPort::getName, ContainerPort::getContainerPort)
        .containsExactly(
            tuple("engine-http", 8000),
            tuple("engine-grpc", 5001),
            tuple("engine-metrics", 6000));
    assertHttpProbe(engine.getReadinessProbe(), "/ready");
    assertHttpProbe(engine.getLivenessProbe(), "/live");
    assertThat(engine.getLivenessProbe().getInitialDelaySeconds())
        .isGreaterThan(engine.getReadinessProbe().getInitialDelaySeconds());

    ControllerConfig custom =
        ControllerConfig.builder().engineImage("registry.example/engine:2").build();
    assertThat(container(desired(custom, spamClassifier()), "seldon-container-engine").getImage())
        .isEqualTo("registry.example/engine:2");
  }

  @Test
  void theEngineIsToldTheGraphAndItsPorts() {
    Container engine = container(desired(), "seldon-container-engine");

    assertThat(engine.getEnv()).extracting(EnvVar::getName).containsExactly(
        "ENGINE_PREDICTOR", "ENGINE_SERVER_PORT", "ENGINE_SERVER_GRPC_PORT",
        "SELDON_DEPLOYMENT_ID", "PREDICTOR_ID");
    Map<String, String> env = env(engine);
    assertThat(env).contains(
        entry("ENGINE_SERVER_PORT", "8000"),
        entry("ENGINE_SERVER_GRPC_PORT", "5001"),
        entry("SELDON_DEPLOYMENT_ID", NAME),
        entry("PREDICTOR_ID", "predictor1"));
    assertThat(new String(Base64.getDecoder().decode(env.get("ENGINE_PREDICTOR")),
        StandardCharsets.UTF_8))
        .isEqualTo("{\"name\":\"predictor1\",\"graph\":{\"name\":\"model\",\"type\":\"MODEL\","
            + "\"endpoint\":{\"type\":\"REST\",\"service_host\":\"localhost\","
            + "\"service_port\":9000},\"children\":[]}}");
  }

  @Test
  void scalingLeavesThePodTemplateAloneSoRunningPodsAreNotReplaced() {
    DesiredState two = desired(ControllerConfig.defaults(), withPredictor(p -> p.withReplicas(2)));
    DesiredState three = desired(ControllerConfig.defaults(), withPredictor(p -> p.withReplicas(3)));

    assertThat(three.deployment().getSpec().getReplicas()).isEqualTo(3);
    assertThat(three.deployment().getSpec().getTemplate())
        .isEqualTo(two.deployment().getSpec().getTemplate());
  }

  @Test
  void aPredictorNameIsEscapedInTheGraph() {
    PhDeployment deployment = withPredictor(p -> p.withName("a\"b"));

    String encoded = env(container(desired(ControllerConfig.defaults(), deployment),
        "seldon-container-engine")).get("ENGINE_PREDICTOR");

    assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8))
        .startsWith("{\"name\":\"a\\\"b\",");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cpu-only", "gpu-1"})
  void modelAndEngineTogetherAreExactlyTheInstanceType(String type) {
    InstanceType instanceType = Fixtures.instanceType(type);
    DesiredState desired = desired(ControllerConfig.defaults(), spamClassifier(), type);
    Container model = container(desired, "model");
    Container engine = container(desired, "seldon-container-engine");

    assertThat(Fixtures.resources(model.getResources().getLimits())
        .plus(Fixtures.resources(engine.getResources().getLimits())))
        .isEqualTo(instanceType.limits().toResources());
    assertThat(Fixtures.resources(model.getResources().getRequests())
        .plus(Fixtures.resources(engine.getResources().getRequests())))
        .isEqualTo(instanceType.effectiveRequests().toResources());
    assertThat(engine.getResources().getLimits()).doesNotContainKey("nvidia.com/gpu");
  }

  @Test
  void theCpuOnlySplitIsAsDocumented() {
    DesiredState desired = desired();

    assertThat(container(desired, "model").getResources().getLimits())
        .containsOnly(entry("cpu", new Quantity("900m")), entry("memory", new Quantity("1792Mi")));
    assertThat(container(desired, "model").getResources().getRequests())
        .containsOnly(entry("cpu", new Quantity("400m")), entry("memory", new Quantity("768Mi")));
    assertThat(container(desired, "seldon-container-engine").getResources().getLimits())
        .containsOnly(entry("cpu", new Quantity("100m")), entry("memory", new Quantity("256Mi")));
    assertThat(container(desired, "seldon-container-engine").getResources().getRequests())
        .containsOnly(entry("cpu", new Quantity("100m")), entry("memory", new Quantity("256Mi")));
  }

  @Test
  void theGpuGoesToTheModelAsLimitAndRequest() {
    Container model =
        container(desired(ControllerConfig.defaults(), spamClassifier(), "gpu-1"), "model");

    Quantity one = new Quantity("1");
    assertThat(model.getResources().getLimits()).containsEntry("nvidia.com/gpu", one);
    assertThat(model.getResources().getRequests()).containsEntry("nvidia.com/gpu", one);
  }

  private static void assertHttpProbe(Probe probe, String path) {
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort()).isEqualTo(new IntOrString(8000));
    assertThat(probe.getPeriodSeconds()).isPositive();
    assertThat(probe.getFailureThreshold()).isPositive();
  }
}
