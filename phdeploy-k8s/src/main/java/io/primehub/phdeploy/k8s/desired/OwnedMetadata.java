package io.primehub.phdeploy.k8s.desired;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.primehub.phdeploy.core.naming.OwnedNames;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata every owned object shares: the name {@code deploy-<name>}, the deployment's
 * namespace, the labels that find it and the owner reference.
 */
public final class OwnedMetadata {

  /** The standard label naming the tool that manages an object. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  /** The value of {@value #MANAGED_BY} on every object phdeploy owns. */
  public static final String MANAGED_BY_VALUE = "phdeploy";

  private OwnedMetadata() {}

  /**
   * The labels of a deployment's owned objects: {@code app=primehub-group},
   * {@code primehub.io/phdeployment=<name>} and {@value #MANAGED_BY}{@code =phdeploy}.
   */
  public static Map<String, String> labels(String deploymentName) {
    Map<String, String> labels = new LinkedHashMap<>(PodLabels.selector(deploymentName));
    labels.put(MANAGED_BY, MANAGED_BY_VALUE);
    return labels;
  }

  /**
   * New metadata for an object the deployment owns.
   *
   * @throws IllegalArgumentException if the deployment has no uid
   */
  public static ObjectMeta of(PhDeployment deployment) {
    return new ObjectMetaBuilder()
        .withName(OwnedNames.of(deployment.name()))
        .withNamespace(deployment.namespace())
        .withLabels(labels(deployment.name()))
        .withOwnerReferences(OwnerReferences.of(deployment))
        .build();
  }
}
