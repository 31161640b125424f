package io.primehub.phdeploy.k8s.desired;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.Group;
import io.primehub.phdeploy.core.catalog.InstanceType;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.ImmutablePredictor;
import io.primehub.phdeploy.core.quota.Quantities;
import io.primehub.phdeploy.core.quota.Resources;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The fixtures of the desired-state tests: the seed's deployment and the catalog beside it. */
final class Fixtures {

  static final String UID = "0b7d6c1e-5a4f-4e2b-9c3d-8f1a2b3c4d5e";
  static final String NAME = "spam-classifier-abcxy";
  static final String OWNED_NAME = "deploy-spam-classifier-abcxy";
  static final String NAMESPACE = "hub";

  private static final Catalog CATALOG = read("/fixtures/catalog.yaml");

  private Fixtures() {}

  /** The seed's deployment, as read from the API server: with a uid. */
  static PhDeployment spamClassifier() {
    try (InputStream yaml = stream("/fixtures/spam-classifier.yaml")) {
      PhDeployment deployment = Serialization.unmarshal(yaml, PhDeployment.class);
      deployment.getMetadata().setUid(UID);
      return deployment;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The seed's deployment with its spec changed. */
  static PhDeployment withSpec(UnaryOperator<ImmutablePhDeploymentSpec> change) {
    PhDeployment deployment = spamClassifier();
    deployment.setSpec(change.apply(ImmutablePhDeploymentSpec.copyOf(deployment.getSpec())));
    return deployment;
  }

  /** The seed's deployment with its predictor changed. */
  static PhDeployment withPredictor(UnaryOperator<ImmutablePredictor> change) {
    return withSpec(spec -> spec.withPredictors(
        change.apply(ImmutablePredictor.copyOf(spec.predictor()))));
  }

  static Group phusers() {
    return CATALOG.group("phusers").orElseThrow();
  }

  static InstanceType instanceType(String name) {
    return CATALOG.instanceType(name).orElseThrow();
  }

  /** The desired state of a deployment in phusers on cpu-only. */
  static DesiredState desired(ControllerConfig config, PhDeployment deployment) {
    return desired(config, deployment, "cpu-only");
  }

  static DesiredState desired(ControllerConfig config, PhDeployment deployment, String type) {
    return new DesiredStateFactory(config).build(deployment, phusers(), instanceType(type));
  }

  /** The desired state of the seed's deployment with the default configuration. */
  static DesiredState desired() {
    return desired(ControllerConfig.defaults(), spamClassifier());
  }

  static PodSpec pod(DesiredState desired) {
    return desired.deployment().getSpec().getTemplate().getSpec();
  }

  static Container container(DesiredState desired, String name) {
    return pod(desired).getContainers().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** A container's literal variables by name; of a repeated name the last, as in Kubernetes. */
  static Map<String, String> env(Container container) {
    return container.getEnv().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue, (first, last) -> last));
  }

  /** What a container's limits or requests amount to; an absent resource counts as zero. */
  static Resources resources(Map<String, Quantity> quantities) {
    return new Resources(
        amount(quantities, "cpu", Quantities::cpuMillis),
        amount(quantities, "memory", Quantities::bytes),
        amount(quantities, "nvidia.com/gpu", Quantities::count));
  }

  private static long amount(
      Map<String, Quantity> quantities, String name, ToLongFunction<String> parse) {
    Quantity quantity = quantities.get(name);
    return quantity == null ? 0 : parse.applyAsLong(quantity.toString());
  }

  private static Catalog read(String resource) {
    try (InputStream yaml = stream(resource)) {
      return new YAMLMapper().readValue(yaml, Catalog.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream stream(String resource) {
    return Fixtures.class.getResourceAsStream(resource);
  }
}
