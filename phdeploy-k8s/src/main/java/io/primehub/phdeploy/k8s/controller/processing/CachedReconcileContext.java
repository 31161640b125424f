package io.primehub.phdeploy.k8s.controller.processing;

import io.primehub.phdeploy.k8s.controller.ObservedResources;
import io.primehub.phdeploy.k8s.controller.ReconcileContext;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.time.Instant;
import java.util.Optional;

/** A reconcile context answered from the informer caches, read when asked. */
final class CachedReconcileContext implements ReconcileContext {

  private final InformerCaches caches;
  private final String namespace;
  private final String name;
  private final Instant now;

  CachedReconcileContext(InformerCaches caches, String key, Instant now) {
    int slash = key.indexOf('/');
    this.caches = caches;
    this.namespace = key.substring(0, slash);
    this.name = key.substring(slash + 1);
    this.now = now;
  }

  @Override
  public String namespace() {
    return namespace;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<PhDeployment> deployment() {
    DeploymentView view = caches.deployment(key());
    return view == null || view.spec() == null ? Optional.empty() : Optional.of(view.toResource());
  }

  @Override
  public ObservedResources observed() {
    return caches.observed(namespace, name);
  }

  @Override
  public Instant now() {
    return now;
  }
}
