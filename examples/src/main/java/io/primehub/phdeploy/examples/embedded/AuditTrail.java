package io.primehub.phdeploy.examples.embedded;

import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.controller.ReconcileContext;
import io.primehub.phdeploy.k8s.controller.ReconcileResult;
import io.primehub.phdeploy.k8s.controller.Reconciler;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A reconciler decorator of the embedding application: it lets the default reconciler do its
 * work and records each phase change it made, as an audit trail.
 */
final class AuditTrail implements Reconciler {

  private final Reconciler delegate;
  private final List<String> entries = new CopyOnWriteArrayList<>();

  AuditTrail(Reconciler delegate) {
    this.delegate = delegate;
  }

  @Override
  public ReconcileResult reconcile(ReconcileContext context) throws Exception {
    String before = phase(context);
    ReconcileResult result = delegate.reconcile(context);
    String after = phase(context);
    if (!before.equals(after)) {
      entries.add(context.key() + ": " + before + " -> " + after);
    }
    return result;
  }

  private static String phase(ReconcileContext context) {
    return context.deployment().flatMap(PhDeployment::phase).map(Phase::wireName)
        .orElse("no status");
  }

  /** What was recorded, oldest first. */
  List<String> entries() {
    return List.copyOf(entries);
  }
}
