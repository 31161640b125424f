package io.primehub.phdeploy.k8s.desired;

import static io.primehub.phdeploy.k8s.desired.Fixtures.NAME;
import static io.primehub.phdeploy.k8s.desired.Fixtures.NAMESPACE;
import static io.primehub.phdeploy.k8s.desired.Fixtures.OWNED_NAME;
import static io.primehub.phdeploy.k8s.desired.Fixtures.UID;
import static io.primehub.phdeploy.k8s.desired.Fixtures.phusers;
import static io.primehub.phdeploy.k8s.desired.Fixtures.spamClassifier;
import static io.primehub.phdeploy.k8s.desired.Fixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.primehub.phdeploy.core.catalog.InstanceType;
import io.primehub.phdeploy.core.model.AccessType;
import io.primehub.phdeploy.core.model.Endpoint;
import io.primehub.phdeploy.core.model.EndpointClient;
import io.primehub.phdeploy.core.model.ImmutablePredictor;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesiredStateFactoryTest {

  /** Every object there can be: private endpoint, PodMonitor, TLS, custom annotations. */
  private static final ControllerConfig ALL = ControllerConfig.builder()
      .podMonitorEnabled(true)
      .ingressClassName("nginx")
      .ingressHost("models.example.com")
      .ingressTlsSecret("models-tls")
      .putIngressAnnotations("nginx.ingress.kubernetes.io/proxy-body-size", "64m")
      .build();

  private static final InstanceType CPU_ONLY = Fixtures.instanceType("cpu-only");

  private static PhDeployment everything() {
    return withSpec(spec -> spec
        .withEndpoint(Endpoint.builder().accessType(AccessType.PRIVATE)
            .addClients(EndpointClient.of("scorer", "$6$salt$" + "h".repeat(86))).build())
        .withPredictors(
            ImmutablePredictor.copyOf(spec.predictor()).withModelURI("pvc://models/spam")));
  }

  @Test
  void everyObjectIsNamedLabelledAndOwnedAlike() {
    List<HasMetadata> resources = Fixtures.desired(ALL, everything()).resources();

    assertThat(resources).extracting(HasMetadata::getKind)
        .containsExactly("Deployment", "Service", "Ingress", "Secret", "PodMonitor");
    for (HasMetadata resource : resources) {
      assertThat(resource.getMetadata().getName()).as(resource.getKind()).isEqualTo(OWNED_NAME);
      assertThat(resource.getMetadata().getNamespace()).as(resource.getKind()).isEqualTo(NAMESPACE);
      assertThat(resource.getMetadata().getLabels()).as(resource.getKind()).containsOnly(
          entry("app", "primehub-group"),
          entry("primehub.io/phdeployment", NAME),
          entry("app.kubernetes.io/managed-by", "phdeploy"));
      assertThat(resource.getMetadata().getOwnerReferences()).as(resource.getKind())
          .singleElement()
          .satisfies(DesiredStateFactoryTest::isTheControllingReferenceToTheFixture);
    }
  }

  @Test
  void theWholeStateIsValidKubernetesThatReadsBackUnchanged() {
    DesiredState desired = Fixtures.desired(ALL, everything());
    KubernetesSerialization serialization = new KubernetesSerialization();

    for (HasMetadata resource : desired.resources()) {
      String yaml = Serialization.asYaml(resource);
      KubernetesResource read = serialization.unmarshal(yaml);
      assertThat(read).as(resource.getKind()).isInstanceOf(resource.getClass());
      assertThat(read).as(resource.getKind()).isEqualTo(resource);
    }
  }

  @Test
  void noSnippetAnnotationIsEverEmitted() {
    DesiredState desired = Fixtures.desired(ALL, everything());

    for (HasMetadata resource : desired.resources()) {
      assertThat(Serialization.asJson(resource)).as(resource.getKind()).doesNotContain("-snippet");
    }
  }

  @Test
  void hooksAdjustInOrderBeforeTheHashIsTaken() {
    List<String> calls = new ArrayList<>();
    DesiredStateHook sidecar = (deployment, desired) -> {
      calls.add("sidecar");
      Deployment adjusted = desired.deployment();
      adjusted.getSpec().getTemplate().getSpec().getContainers().add(
          new ContainerBuilder().withName("log-shipper").withImage("fluent-bit:2").build());
      return ImmutableDesiredState.copyOf(desired).withDeployment(adjusted);
    };
    DesiredStateHook countContainers = (deployment, desired) -> {
      calls.add("count");
      int containers =
          desired.deployment().getSpec().getTemplate().getSpec().getContainers().size();
      return ImmutableDesiredState.copyOf(desired).withService(new ServiceBuilder(desired.service())
          .editMetadata()
          .addToAnnotations("example.com/containers", Integer.toString(containers))
          .endMetadata()
          .build());
    };

    DesiredState adjusted = new DesiredStateFactory(ControllerConfig.defaults(),
        List.of(sidecar, countContainers)).build(spamClassifier(), phusers(), CPU_ONLY);
    DesiredState plain = Fixtures.desired();

    assertThat(calls).containsExactly("sidecar", "count");
    assertThat(adjusted.service().getMetadata().getAnnotations())
        .containsEntry("example.com/containers", "3");
    assertThat(adjusted.deployment().getSpec().getTemplate().getSpec().getContainers())
        .extracting(Container::getName)
        .containsExactly("model", "seldon-container-engine", "log-shipper");
    assertThat(hash(adjusted.deployment())).isEqualTo(DesiredHash.of(adjusted.deployment()))
        .isNotEqualTo(hash(plain.deployment()));
    assertThat(hash(adjusted.service())).isNotEqualTo(hash(plain.service()));
    assertThat(hash(adjusted.ingress())).isEqualTo(hash(plain.ingress()));
  }

  @Test
  void aHookThatReturnsNothingIsAnError() {
    DesiredStateFactory factory =
        new DesiredStateFactory(ControllerConfig.defaults(), List.of((deployment, state) -> null));

    assertThatIllegalStateException()
        .isThrownBy(() -> factory.build(spamClassifier(), phusers(), CPU_ONLY))
        .withMessageContaining("returned null");
  }

  @Test
  void aHookCannotAddASnippetToTheIngress() {
    DesiredStateHook snippet = (deployment, desired) -> {
      desired.ingress().getMetadata().getAnnotations()
          .put("nginx.ingress.kubernetes.io/configuration-snippet", "return 200;");
      return desired;
    };
    DesiredStateFactory factory =
        new DesiredStateFactory(ControllerConfig.defaults(), List.of(snippet));

    assertThatIllegalStateException()
        .isThrownBy(() -> factory.build(spamClassifier(), phusers(), CPU_ONLY))
        .withMessageContaining("configuration-snippet")
        .withMessageContaining("CVE-2021-25742");
  }

  @Test
  void aDeploymentWithoutUidCannotOwnAnything() {
    PhDeployment unsaved = spamClassifier();
    unsaved.getMetadata().setUid(null);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> Fixtures.desired(ControllerConfig.defaults(), unsaved))
        .withMessageContaining("no uid");
  }

  @Test
  void buildingLeavesTheDeploymentUnchanged() {
    PhDeployment deployment = everything();
    String before = Serialization.asJson(deployment);

    Fixtures.desired(ALL, deployment);

    assertThat(Serialization.asJson(deployment)).isEqualTo(before);
  }

  private static void isTheControllingReferenceToTheFixture(OwnerReference owner) {
    assertThat(owner.getApiVersion()).isEqualTo("primehub.io/v1alpha1");
    assertThat(owner.getKind()).isEqualTo("PhDeployment");
    assertThat(owner.getName()).isEqualTo(NAME);
    assertThat(owner.getUid()).isEqualTo(UID);
    assertThat(owner.getController()).isTrue();
    assertThat(owner.getBlockOwnerDeletion()).isTrue();
  }

  private static String hash(HasMetadata resource) {
    return resource.getMetadata().getAnnotations().get(DesiredHash.ANNOTATION);
  }
}
