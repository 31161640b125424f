package io.primehub.phdeploy.testkit;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.primehub.phdeploy.core.catalog.InstanceType;
import io.primehub.phdeploy.core.catalog.ResourceQuantities;
import io.primehub.phdeploy.core.naming.OwnedNames;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.testkit.sim.runtime.PodAmounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deployments shaped as the phdeploy controller will make them from a PhDeployment: named
 * {@code deploy-<name>}, with the PrimeHub pod labels, a {@code model} container sized by an
 * instance type of the fixture catalog and the Seldon engine beside it.
 */
final class Workloads {

  static final String NAMESPACE = "hub";
  static final String GROUP = "phusers";
  static final String IMAGE = "registry.example/spam:1.0.3";

  private final String name;
  private String group = GROUP;
  private int replicas = 1;
  private String image = IMAGE;
  private String instanceType = "cpu-only";
  private String modelUri;
  private String pullSecret;
  private int maxSurge = 1;
  private int maxUnavailable = 0;

  private Workloads(String name) {
    this.name = name;
  }

  /** A deployment of this PhDeployment name: one replica of {@link #IMAGE} on cpu-only. */
  static Workloads deployment(String name) {
    return new Workloads(name);
  }

  /** Pods of this group, which need not be in the catalog. */
  Workloads group(String groupName) {
    this.group = groupName;
    return this;
  }

  Workloads replicas(int count) {
    this.replicas = count;
    return this;
  }

  Workloads image(String modelImage) {
    this.image = modelImage;
    return this;
  }

  Workloads instanceType(String type) {
    this.instanceType = type;
    return this;
  }

  Workloads modelUri(String uri) {
    this.modelUri = uri;
    return this;
  }

  Workloads pullSecret(String secret) {
    this.pullSecret = secret;
    return this;
  }

  Workloads rolling(int surge, int unavailable) {
    this.maxSurge = surge;
    this.maxUnavailable = unavailable;
    return this;
  }

  Deployment build() {
    InstanceType type = Fixtures.catalog().instanceType(instanceType).orElseThrow();
    Map<String, String> labels = new LinkedHashMap<>(PodLabels.of(name, group));
    List<Container> initContainers = new ArrayList<>();
    if (modelUri != null) {
      initContainers.add(new ContainerBuilder()
          .withName("model-storage-initializer")
          .withImage("kfserving/storage-initializer:v0.4.0")
          .withArgs(modelUri, "/mnt/models")
          .build());
    }
    return new DeploymentBuilder()
        .withNewMetadata().withName(OwnedNames.of(name)).withNamespace(NAMESPACE).endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector().withMatchLabels(PodLabels.selector(name)).endSelector()
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(new IntOrString(maxSurge))
        .withMaxUnavailable(new IntOrString(maxUnavailable))
        .endRollingUpdate()
        .endStrategy()
        .withNewTemplate()
        .withNewMetadata().withLabels(labels).endMetadata()
        .withNewSpec()
        .withInitContainers(initContainers)
        .withContainers(model(type), engine())
        .withNodeSelector(type.nodeSelector())
        .withTolerations(type.tolerations())
        .withImagePullSecrets(pullSecret == null ? List.of()
            : List.of(new LocalObjectReference(pullSecret)))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private Container model(InstanceType type) {
    return new ContainerBuilder()
        .withName("model")
        .withImage(image)
        .addNewPort().withName("http").withContainerPort(9000).endPort()
        .withResources(new ResourceRequirementsBuilder()
            .withLimits(quantities(type.limits()))
            .withRequests(quantities(type.effectiveRequests()))
            .build())
        .build();
  }

  private static Container engine() {
    return new ContainerBuilder()
        .withName("seldon-container-engine")
        .withImage("seldonio/seldon-core-executor:1.14.0")
        .addNewPort().withName("rest").withContainerPort(8000).endPort()
        .build();
  }

  private static Map<String, Quantity> quantities(ResourceQuantities amounts) {
    Map<String, Quantity> quantities = new LinkedHashMap<>();
    if (amounts.cpu() != null) {
      quantities.put("cpu", new Quantity(amounts.cpu()));
    }
    if (amounts.memory() != null) {
      quantities.put("memory", new Quantity(amounts.memory()));
    }
    if (amounts.gpu() != null) {
      quantities.put(PodAmounts.GPU, new Quantity(amounts.gpu()));
    }
    return quantities;
  }
}
