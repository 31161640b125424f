package io.primehub.phdeploy.k8s.resource;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The {@code PhDeployment} CustomResourceDefinition, generated at build time from the Java model
 * by fabric8's CRD generator and shipped in this jar.
 */
public final class PhDeploymentCrd {

  /** The CRD's name. */
  public static final String NAME = PhDeployment.PLURAL + "." + PhDeployment.GROUP;

  /** Where the CRD's YAML lies on the classpath. */
  public static final String RESOURCE = "/META-INF/fabric8/" + NAME + "-v1.yml";

  private PhDeploymentCrd() {}

  /** The CRD, read from this jar. */
  public static CustomResourceDefinition load() {
    try (InputStream yaml = PhDeploymentCrd.class.getResourceAsStream(RESOURCE)) {
      if (yaml == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing from the classpath; the build generates it from the model");
      }
      return Serialization.unmarshal(yaml, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Creates the CRD on a cluster unless it is there already. An existing CRD is left as it is:
   * upgrading a cluster's schema is an administrator's decision.
   *
   * @return whether this call created it
   */
  public static boolean installIfAbsent(KubernetesClient client) {
    var crds = client.apiextensions().v1().customResourceDefinitions();
    if (crds.withName(NAME).get() != null) {
      return false;
    }
    crds.resource(load()).create();
    return true;
  }

  /** How to address {@code PhDeployment}s as generic resources. */
  public static ResourceDefinitionContext context() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(PhDeployment.GROUP)
        .withVersion(PhDeployment.VERSION)
        .withKind(PhDeployment.KIND)
        .withPlural(PhDeployment.PLURAL)
        .withNamespaced(true)
        .build();
  }
}
