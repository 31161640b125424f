package io.primehub.phdeploy.k8s.desired;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.primehub.phdeploy.k8s.resource.PhDeployment;

/**
 * The owner reference every owned object carries, so that deleting a {@code PhDeployment}
 * deletes what it owns and the controller's informers can map an event back to its owner.
 */
public final class OwnerReferences {

  private OwnerReferences() {}

  /**
   * The controlling owner reference to a deployment.
   *
   * @throws IllegalArgumentException if the deployment has no uid, that is, was not read from
   *     the API server: a reference without one would never match its owner
   */
  public static OwnerReference of(PhDeployment deployment) {
    String uid = deployment.getMetadata().getUid();
    if (uid == null || uid.isBlank()) {
      throw new IllegalArgumentException("PhDeployment " + deployment.namespace() + "/"
          + deployment.name() + " has no uid; read it from the API server before owning resources");
    }
    return new OwnerReferenceBuilder()
        .withApiVersion(PhDeployment.API_VERSION)
        .withKind(PhDeployment.KIND)
        .withName(deployment.name())
        .withUid(uid)
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }
}
