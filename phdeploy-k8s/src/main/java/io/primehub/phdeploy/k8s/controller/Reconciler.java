package io.primehub.phdeploy.k8s.controller;

/**
 * Brings one deployment to its desired state. The controller calls it for one key at a time
 * (never twice at once for the same deployment) whenever the deployment or anything it owns
 * changes, and again when a result asks for it.
 *
 * <p>Implementations can wrap the {@link DefaultReconciler} (for auditing, extra resources, a
 * veto) through {@link PhDeployController.Builder#reconciler}, or replace it. They must be
 * idempotent: calling one twice with nothing changed must write nothing the second time.
 */
@FunctionalInterface
public interface Reconciler {

  /**
   * Reconciles the deployment the context names.
   *
   * @throws Exception to have the deployment retried with backoff
   */
  ReconcileResult reconcile(ReconcileContext context) throws Exception;
}
