package io.primehub.phdeploy.k8s.resource;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import java.util.Optional;

/**
 * A model deployment: the {@code primehub.io/v1alpha1} custom resource whose spec says which
 * model image to serve on which instance type for which group, and whose status the controller
 * keeps. Its spec and status are phdeploy-core's {@link PhDeploymentSpec} and
 * {@link PhDeploymentStatus}.
 */
@Group(PhDeployment.GROUP)
@Version(PhDeployment.VERSION)
@Kind(PhDeployment.KIND)
@Plural(PhDeployment.PLURAL)
@Singular("phdeployment")
@ShortNames("phd")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Replicas", jsonPath = ".status.replicas",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Available", jsonPath = ".status.availableReplicas",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class PhDeployment extends CustomResource<PhDeploymentSpec, PhDeploymentStatus>
    implements Namespaced {

  /** The API group. */
  public static final String GROUP = "primehub.io";

  /** The API version within the group. */
  public static final String VERSION = "v1alpha1";

  /** The kind. */
  public static final String KIND = "PhDeployment";

  /** The plural name in URLs. */
  public static final String PLURAL = "phdeployments";

  /** {@code primehub.io/v1alpha1}. */
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** A deployment of this name and namespace with this spec and no status. */
  public static PhDeployment of(String namespace, String name, PhDeploymentSpec spec) {
    PhDeployment deployment = new PhDeployment();
    deployment.setMetadata(
        new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    deployment.setSpec(spec);
    return deployment;
  }

  /** The deployment's name, {@code metadata.name}. */
  public String name() {
    return getMetadata().getName();
  }

  /** The deployment's namespace, {@code metadata.namespace}. */
  public String namespace() {
    return getMetadata().getNamespace();
  }

  /** The phase the controller last wrote, if it has written one. */
  public Optional<Phase> phase() {
    return Optional.ofNullable(getStatus()).map(PhDeploymentStatus::phase);
  }
}
