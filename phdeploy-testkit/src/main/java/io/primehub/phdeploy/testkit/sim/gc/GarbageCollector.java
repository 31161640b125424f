package io.primehub.phdeploy.testkit.sim.gc;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.primehub.phdeploy.testkit.server.StoredObject;
import io.primehub.phdeploy.testkit.server.WriteObserver;
import io.primehub.phdeploy.testkit.sim.runtime.SimulatorLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes, in the background, the objects whose owners are all gone: deleting a PhDeployment
 * deletes its Deployment, Service, Ingress and Secret, and the Deployment's deletion its pods;
 * an object created after its owners were deleted (by a client acting on a stale view) is
 * deleted too, as the real collector deletes dependents whose owners no longer exist.
 * It learns of every change as the API server makes it, and deletes through the API like any
 * client, so that each deletion cascades in turn.
 */
public final class GarbageCollector implements WriteObserver {

  private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);

  private final OwnershipGraph graph = new OwnershipGraph();
  private final KubernetesClient client;
  private final SimulatorLoop loop;

  /** A collector deleting with this client, on this loop. */
  public GarbageCollector(KubernetesClient client, SimulatorLoop loop) {
    this.client = client;
    this.loop = loop;
  }

  @Override
  public void stored(StoredObject object) {
    if (graph.stored(object)) {
      loop.submit("gc/" + object.uid(), () -> delete(object));
    }
  }

  @Override
  public void deleted(StoredObject object) {
    for (StoredObject orphan : graph.deleted(object)) {
      loop.submit("gc/" + orphan.uid(), () -> delete(orphan));
    }
  }

  private void delete(StoredObject orphan) {
    if (!graph.live(orphan.uid())) {
      return;
    }
    LOG.debug("deleting {} {} since its owners are gone", orphan.resource(), orphan.key());
    ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
        .withGroup(orphan.group())
        .withVersion(orphan.version())
        .withKind(orphan.kind())
        .withPlural(orphan.resource())
        .withNamespaced(!orphan.namespace().isEmpty())
        .build();
    var resources = client.genericKubernetesResources(context);
    (orphan.namespace().isEmpty() ? resources.withName(orphan.name())
        : resources.inNamespace(orphan.namespace()).withName(orphan.name()))
        .delete();
  }
}
