package io.primehub.phdeploy.k8s.desired;

import io.primehub.phdeploy.k8s.resource.PhDeployment;

/**
 * Lets an embedding application adjust the generated resources: add a sidecar, an annotation,
 * a security context. {@link DesiredStateFactory} applies its hooks in order, each to the result
 * of the one before, and then computes each object's {@link DesiredHash}.
 *
 * <p>A hook must be deterministic: the same deployment and desired state must always give the
 * same result. The controller updates an object whenever its hash changes, so a hook that adds a
 * timestamp or a random value would rewrite every object on every reconcile. A hook must also
 * keep each object's name, namespace, owner reference and the Deployment's selector, which the
 * controller relies on. It may modify the objects it is given, which are built afresh for every
 * call, or return copies.
 */
@FunctionalInterface
public interface DesiredStateHook {

  /**
   * The desired state adjusted for a deployment.
   *
   * @param deployment the deployment the state belongs to; read it, do not modify it
   * @param desired the state so far
   * @return the adjusted state, never {@code null}
   */
  DesiredState adjust(PhDeployment deployment, DesiredState desired);
}
