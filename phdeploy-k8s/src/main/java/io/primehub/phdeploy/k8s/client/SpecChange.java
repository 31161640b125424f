package io.primehub.phdeploy.k8s.client;

import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import java.util.Objects;

/**
 * What an update decided from the deployment it read: the new spec and why it changed.
 *
 * @param spec the new spec; its own update message is replaced by {@code message}
 * @param message the new {@code spec.updateMessage}, or null for none
 */
record SpecChange(PhDeploymentSpec spec, @Nullable String message) {

  SpecChange {
    Objects.requireNonNull(spec, "spec");
  }
}
