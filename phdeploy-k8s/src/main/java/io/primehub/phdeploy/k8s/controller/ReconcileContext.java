package io.primehub.phdeploy.k8s.controller;

import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.time.Instant;
import java.util.Optional;

/** What a {@link Reconciler} is told about the deployment it reconciles, all from the caches. */
public interface ReconcileContext {

  /** The deployment's namespace. */
  String namespace();

  /** The deployment's name. */
  String name();

  /** {@code namespace/name}. */
  default String key() {
    return namespace() + "/" + name();
  }

  /**
   * The deployment as cached, without its status history; empty once it is deleted or when
   * its spec cannot be read.
   */
  Optional<PhDeployment> deployment();

  /** What the deployment owns, as cached. */
  ObservedResources observed();

  /** The controller's clock, now. */
  Instant now();
}
