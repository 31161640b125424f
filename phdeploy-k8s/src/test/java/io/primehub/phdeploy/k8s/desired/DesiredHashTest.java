package io.primehub.phdeploy.k8s.desired;

import static io.primehub.phdeploy.k8s.desired.Fixtures.desired;
import static io.primehub.phdeploy.k8s.desired.Fixtures.withPredictor;
import static io.primehub.phdeploy.k8s.desired.Fixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesiredHashTest {

  private static final ControllerConfig ALL =
      ControllerConfig.builder().podMonitorEnabled(true).build();

  @Test
  void everyObjectCarriesTheHashOfItselfWithoutTheHash() {
    for (HasMetadata resource : desired(ALL, Fixtures.spamClassifier()).resources()) {
      String stamped = resource.getMetadata().getAnnotations().get(DesiredHash.ANNOTATION);
      assertThat(stamped).as(resource.getKind()).matches("[0-9a-f]{64}");
      assertThat(DesiredHash.of(resource)).as(resource.getKind()).isEqualTo(stamped);
    }
  }

  @Test
  void equalInputsGiveEqualHashes() {
    assertThat(hashes(desired(ALL, Fixtures.spamClassifier())))
        .isEqualTo(hashes(desired(ALL, Fixtures.spamClassifier())));
    assertThat(desired(ALL, Fixtures.spamClassifier()))
        .isEqualTo(desired(ALL, Fixtures.spamClassifier()));
  }

  @Test
  void aSpecChangeChangesTheHashOfWhatItChanges() {
    List<String> before = hashes(Fixtures.desired());
    List<String> newImage = hashes(desired(ControllerConfig.defaults(),
        withPredictor(p -> p.withModelImage("sandhya1594/spam-classifier:1.0.0.2"))));
    List<String> stopped = hashes(desired(ControllerConfig.defaults(),
        withSpec(spec -> spec.withStop(true))));

    assertThat(newImage.get(0)).isNotEqualTo(before.get(0));
    assertThat(stopped.get(0)).isNotEqualTo(before.get(0)).isNotEqualTo(newImage.get(0));
    assertThat(newImage.subList(1, 3))
        .as("the Service and Ingress do not depend on the image")
        .isEqualTo(before.subList(1, 3));
  }

  @Test
  void thePodTemplateCarriesItsOwnFingerprintWhichEveryPodInherits() {
    var deployment = Fixtures.desired().deployment();
    var template = deployment.getSpec().getTemplate();
    String carried = DesiredHash.templateOf(deployment);

    assertThat(carried).isEqualTo(DesiredHash.ofTemplate(template)).hasSize(64);
    assertThat(template.getMetadata().getAnnotations())
        .containsEntry(DesiredHash.TEMPLATE_ANNOTATION, carried);
    assertThat(DesiredHash.templateOf(DesiredHash.stampTemplate(deployment)))
        .as("stamping again changes nothing").isEqualTo(carried);
  }

  @Test
  void stampingADeploymentAndItsTemplateAtOnceStampsAsOneAfterTheOther() {
    Deployment unstamped = new DeploymentBuilder(Fixtures.desired().deployment())
        .editMetadata().removeFromAnnotations(DesiredHash.ANNOTATION)
        .addToAnnotations("team", "ml").endMetadata()
        .editSpec().editTemplate().editMetadata()
        .removeFromAnnotations(DesiredHash.TEMPLATE_ANNOTATION).endMetadata()
        .endTemplate().endSpec()
        .build();
    Deployment bare = new DeploymentBuilder().withNewMetadata().withName("d").endMetadata()
        .withNewSpec().withNewTemplate().endTemplate().endSpec().build();

    for (Deployment deployment : List.of(unstamped, bare, Fixtures.desired().deployment())) {
      Deployment before = new DeploymentBuilder(deployment).build();
      assertThat(DesiredHash.stampWithTemplate(deployment))
          .isEqualTo(DesiredHash.stamp(DesiredHash.stampTemplate(deployment)));
      assertThat(deployment).as("left unchanged").isEqualTo(before);
    }
  }

  @Test
  void stampingCopiesAndKeepsOtherAnnotations() {
    Service service = new ServiceBuilder()
        .withNewMetadata().withName("s").addToAnnotations("team", "ml").endMetadata()
        .build();

    Service stamped = DesiredHash.stamp(service);

    assertThat(service.getMetadata().getAnnotations()).containsOnlyKeys("team");
    assertThat(stamped.getMetadata().getAnnotations())
        .containsEntry("team", "ml")
        .containsEntry(DesiredHash.ANNOTATION, DesiredHash.of(service));
    assertThat(DesiredHash.of(stamped)).isEqualTo(DesiredHash.of(service));
    assertThat(DesiredHash.stamp(stamped)).isEqualTo(stamped);
  }

  @Test
  void anObjectWithoutAnnotationsHashesAsItsStampedSelf() {
    Service bare = new ServiceBuilder().withNewMetadata().withName("s").endMetadata().build();

    assertThat(DesiredHash.of(DesiredHash.stamp(bare))).isEqualTo(DesiredHash.of(bare));
  }

  private static List<String> hashes(DesiredState desired) {
    return desired.resources().stream()
        .map(r -> r.getMetadata().getAnnotations().get(DesiredHash.ANNOTATION))
        .toList();
  }
}
