package io.primehub.phdeploy.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GarbageCollectionTest extends ClusterTest {

  @Test
  void deletingAPhDeploymentDeletesWhatItOwnsAndWhatThoseOwn() throws Exception {
    PhDeployment owner = client.resources(PhDeployment.class).resource(fixture()).create();
    OwnerReference ownedBy = ownerReference(owner);
    String name = "deploy-" + owner.name();
    client.resource(new DeploymentBuilder(Workloads.deployment(owner.name()).replicas(2).build())
        .editMetadata().withOwnerReferences(ownedBy).endMetadata().build()).create();
    client.resource(new ServiceBuilder().withNewMetadata().withName(name).withNamespace("hub")
        .withOwnerReferences(ownedBy).endMetadata().build()).create();
    client.resource(new IngressBuilder().withNewMetadata().withName(name).withNamespace("hub")
        .withOwnerReferences(ownedBy).endMetadata().build()).create();
    client.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace("hub")
        .withOwnerReferences(ownedBy).endMetadata().build()).create();
    cluster.awaitIdle();
    assertThat(client.pods().inNamespace("hub").list().getItems()).hasSize(2);

    client.resource(owner).delete();
    cluster.awaitIdle();

    assertThat(client.apps().deployments().inNamespace("hub").list().getItems()).isEmpty();
    assertThat(client.services().inNamespace("hub").list().getItems()).isEmpty();
    assertThat(client.network().v1().ingresses().inNamespace("hub").list().getItems()).isEmpty();
    assertThat(client.secrets().inNamespace("hub").list().getItems()).isEmpty();
    assertThat(client.pods().inNamespace("hub").list().getItems()).isEmpty();
  }

  @Test
  void anObjectWithTwoOwnersStaysUntilBothAreGone() {
    HasMetadata first = client.resource(configMap("first", null)).create();
    HasMetadata second = client.resource(configMap("second", null)).create();
    client.resource(new ConfigMapBuilder(configMap("shared", ownerReference(first)))
        .editMetadata().addToOwnerReferences(ownerReference(second)).endMetadata()
        .build()).create();

    client.resource(first).delete();
    cluster.awaitIdle();
    assertThat(client.configMaps().inNamespace("hub").withName("shared").get()).isNotNull();

    client.resource(second).delete();
    cluster.awaitIdle();
    assertThat(client.configMaps().inNamespace("hub").withName("shared").get()).isNull();
  }

  @Test
  void anObjectCreatedAfterItsOwnerWasDeletedIsDeleted() {
    HasMetadata owner = client.resource(configMap("owner", null)).create();
    client.resource(owner).delete();
    cluster.awaitIdle();

    // As a controller acting on a stale view of the owner would create it.
    client.resource(configMap("late", ownerReference(owner))).create();
    cluster.awaitIdle();

    assertThat(client.configMaps().inNamespace("hub").withName("late").get()).isNull();
  }

  @Test
  void awaitingTheCollectionNamesWhatIsLeftOnceTheTimeIsUp() {
    // Labelled as a deployment's, with no owner to be collected for.
    client.resource(new ServiceBuilder().withNewMetadata().withName("deploy-stray")
        .withNamespace("hub").addToLabels(PodLabels.DEPLOYMENT, "stray").endMetadata().build())
        .create();

    assertThatThrownBy(() -> cluster.awaitCollected("hub", "stray", Duration.ofMillis(300)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("hub/stray").hasMessageContaining("deploy-stray");
    cluster.awaitCollected("hub", "another", Duration.ofSeconds(5));
  }

  private static ConfigMap configMap(String name, OwnerReference owner) {
    ConfigMapBuilder builder = new ConfigMapBuilder()
        .withNewMetadata().withName(name).withNamespace("hub").endMetadata();
    if (owner != null) {
      builder.editMetadata().withOwnerReferences(owner).endMetadata();
    }
    return builder.build();
  }

  private static OwnerReference ownerReference(HasMetadata owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(owner.getApiVersion())
        .withKind(owner.getKind())
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .build();
  }

  private PhDeployment fixture() throws Exception {
    try (InputStream yaml = getClass().getResourceAsStream("/fixtures/spam-classifier.yaml")) {
      return client.resources(PhDeployment.class).load(yaml).item();
    }
  }
}
