package io.primehub.phdeploy.testkit.sim.runtime;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.primehub.phdeploy.core.Nullable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The simulators' view of the pods, from their informer: by key, by the Deployment that controls
 * them, and by the node they are bound to.
 */
public final class PodCache {

  private static final String BY_CONTROLLER = "controller";
  private static final String BY_NODE = "node";
  private static final String UNBOUND = "";

  private final SharedIndexInformer<Pod> informer;

  private PodCache(SharedIndexInformer<Pod> informer) {
    this.informer = informer;
  }

  /** Adds the indexes this cache needs to an informer that has not started yet. */
  public static PodCache over(SharedIndexInformer<Pod> informer) {
    informer.addIndexers(Map.of(
        BY_CONTROLLER, pod -> List.of(controllerUid(pod)),
        BY_NODE, pod -> List.of(Objects.requireNonNullElse(pod.getSpec().getNodeName(), UNBOUND))));
    return new PodCache(informer);
  }

  /** The pod of this namespace and name, or {@code null}. */
  public @Nullable Pod get(String namespace, String name) {
    return informer.getIndexer().getByKey(Cache.namespaceKeyFunc(namespace, name));
  }

  /** The pods whose controller is the object of this uid. */
  public List<Pod> controlledBy(String uid) {
    return informer.getIndexer().byIndex(BY_CONTROLLER, uid);
  }

  /** The pods bound to this node. */
  public List<Pod> onNode(String nodeName) {
    return informer.getIndexer().byIndex(BY_NODE, nodeName);
  }

  /** The pods no node was chosen for yet. */
  public List<Pod> unbound() {
    return onNode(UNBOUND);
  }

  /** Every pod. */
  public List<Pod> all() {
    return informer.getIndexer().list();
  }

  private static String controllerUid(Pod pod) {
    return pod.getMetadata().getOwnerReferences().stream()
        .filter(owner -> Boolean.TRUE.equals(owner.getController()))
        .map(OwnerReference::getUid)
        .findFirst()
        .orElse("");
  }
}
