package io.primehub.phdeploy.k8s.controller.processing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.naming.OwnedNames;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.k8s.controller.ObservedResources;
import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The controller's view of the cluster: one informer per kind it reads, and nothing else. All
 * reads come from these caches; the API server sees the initial lists and the watches.
 *
 * <p>PhDeployments are read as generic resources and converted one by one, so that an object
 * that does not match the model cannot break a list or a watch; they are kept without their
 * history. Owned objects are selected by the {@code primehub.io/phdeployment} label, pods by the
 * group label, since a group's quota counts all of its pods; of both only the fields the
 * controller reads are kept ({@link CachedCopies}). The informers keep none of fabric8's default
 * namespace index: nothing here looks objects up by namespace, and it costs an entry per object.
 */
public final class InformerCaches implements AutoCloseable {

  static final String BY_GROUP = "group";
  static final String BY_GROUP_OVER_QUOTA = "groupOverQuota";
  static final String BY_DEPLOYMENT = "deployment";
  private static final Duration RESTART_DELAY = Duration.ofSeconds(5);

  private final KubernetesClient client;
  private final @Nullable String namespace;
  private final ScheduledExecutorService restarts =
      Executors.newSingleThreadScheduledExecutor(daemon("phdeploy-informer-restart"));
  private final CompactingDeploymentStore deploymentStore = new CompactingDeploymentStore();
  private final RecentWrites<GenericKubernetesResource> deploymentWrites = new RecentWrites<>();
  private final OwnedWrites ownedWrites = new OwnedWrites();
  private final boolean podMonitorsEnabled;
  private final List<KindInformer<?>> informers = new ArrayList<>();
  private KindInformer<GenericKubernetesResource> phDeployments;
  private KindInformer<Deployment> deployments;
  private KindInformer<Service> services;
  private KindInformer<Ingress> ingresses;
  private KindInformer<Secret> secrets;
  private KindInformer<Pod> pods;
  private KindInformer<GenericKubernetesResource> podMonitors;

  /**
   * Caches of one namespace, or of all when {@code namespace} is {@code null}; PodMonitors are
   * cached only when {@code podMonitors} is set, because the cluster may not have their CRD.
   */
  public InformerCaches(KubernetesClient client, @Nullable String namespace, boolean podMonitors) {
    this.client = client;
    this.namespace = namespace;
    this.podMonitorsEnabled = podMonitors;
  }

  /**
   * Starts every informer and waits until each holds its initial list.
   *
   * @throws TimeoutException if the caches do not fill within {@code timeout}
   */
  public void start(CacheEvents events, Duration timeout) throws Exception {
    KeyedHandler<HasMetadata> owned =
        new KeyedHandler<>(events, ownedWrites::of, InformerCaches::ownerKey);
    phDeployments = add("PhDeployment", () -> scoped(
        client.genericKubernetesResources(PhDeploymentCrd.context()))
        .runnableInformer(0)
        .removeNamespaceIndex()
        .itemStore(deploymentStore)
        .addIndexers(Map.of(BY_GROUP_OVER_QUOTA, InformerCaches::overQuotaIndex))
        .addEventHandler(new KeyedHandler<GenericKubernetesResource>(
            events, resource -> deploymentWrites, KindInformer::keyOf)));
    deployments = add("Deployment", () -> owned(scoped(client.apps().deployments()),
        Deployment.class, CachedCopies::deployment, owned));
    services = add("Service", () -> owned(scoped(client.services()),
        Service.class, CachedCopies.metadataOnly(Service::new), owned));
    ingresses = add("Ingress", () -> owned(scoped(client.network().v1().ingresses()),
        Ingress.class, CachedCopies.metadataOnly(Ingress::new), owned));
    secrets = add("Secret", () -> owned(scoped(client.secrets()),
        Secret.class, CachedCopies.metadataOnly(Secret::new), owned));
    pods = add("Pod", () -> scoped(client.pods()).withLabel(PodLabels.GROUP)
        .runnableInformer(0)
        .removeNamespaceIndex()
        .itemStore(new PruningStore<>(Pod.class, CachedCopies::pod))
        .addIndexers(Map.of(
            BY_DEPLOYMENT, pod -> labelIndex(pod, PodLabels.DEPLOYMENT),
            BY_GROUP, pod -> labelIndex(pod, PodLabels.GROUP)))
        .addEventHandler(new PodHandler(events)));
    if (podMonitorsEnabled) {
      podMonitors = add("PodMonitor", () -> owned(scoped(
          client.genericKubernetesResources("monitoring.coreos.com/v1", "PodMonitor")),
          GenericKubernetesResource.class, CachedCopies::podMonitor, owned));
    }
    CompletableFuture<?>[] started =
        informers.stream().map(KindInformer::start).toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(started).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The PhDeployment {@code namespace/name}, freshest known version, or {@code null}. */
  public @Nullable DeploymentView deployment(String key) {
    GenericKubernetesResource cached = phDeployments.get(key);
    GenericKubernetesResource freshest = deploymentWrites.freshest(key, cached);
    if (freshest == null) {
      return null;
    }
    if (freshest == cached) {
      return DeploymentView.of(cached, deploymentStore.summary(key));
    }
    CompactingDeploymentStore.Compacted written = CompactingDeploymentStore.compact(freshest);
    return DeploymentView.of(written.resource(), written.summary());
  }

  /** The keys of every cached PhDeployment. */
  public List<String> deploymentKeys() {
    return phDeployments.keys();
  }

  /**
   * The keys of the PhDeployments of a group (by its escaped label) in a namespace that are
   * failed because the group's quota is exceeded, as cached. Found through an index, so that a
   * freed pod costs nothing when no deployment waits for room, however large the group.
   */
  public List<String> deploymentKeysOverQuota(String namespace, String groupLabel) {
    return phDeployments.byIndex(BY_GROUP_OVER_QUOTA, namespace + "/" + groupLabel).stream()
        .map(KindInformer::keyOf).toList();
  }

  /** What the deployment {@code namespace/name} owns, as cached, with the freshest writes. */
  public ObservedResources observed(String namespace, String name) {
    String key = namespace + "/" + OwnedNames.of(name);
    return new ObservedResources(
        ownedWrites.deployments.freshest(key, deployments.get(key)),
        ownedWrites.services.freshest(key, services.get(key)),
        ownedWrites.ingresses.freshest(key, ingresses.get(key)),
        ownedWrites.secrets.freshest(key, secrets.get(key)),
        podMonitors == null ? null : ownedWrites.podMonitors.freshest(key, podMonitors.get(key)),
        pods.byIndex(BY_DEPLOYMENT, namespace + "/" + name));
  }

  /** The cached pods of a group (by its escaped label) in a namespace. */
  public List<Pod> groupPods(String namespace, String groupLabel) {
    return pods.byIndex(BY_GROUP, namespace + "/" + groupLabel);
  }

  /** Where the controller records its own writes, so that reads see them at once. */
  public RecentWrites<GenericKubernetesResource> deploymentWrites() {
    return deploymentWrites;
  }

  /** Where the controller records its writes of owned objects. */
  public OwnedWrites ownedWrites() {
    return ownedWrites;
  }

  /** Whether every informer is watching. */
  public boolean healthy() {
    return informers.stream().allMatch(KindInformer::healthy);
  }

  /** The kinds whose informer is not watching now. */
  public List<String> unhealthyKinds() {
    return informers.stream().filter(i -> !i.healthy()).map(KindInformer::kind).toList();
  }

  /** How many PhDeployments are cached. */
  public int deploymentCount() {
    return phDeployments == null ? 0 : phDeployments.keys().size();
  }

  /** Every cached PhDeployment as a view, for metrics by phase. */
  public List<DeploymentView> deployments() {
    return deploymentKeys().stream().map(this::deployment).filter(v -> v != null).toList();
  }

  @Override
  public void close() {
    informers.forEach(KindInformer::close);
    restarts.shutdownNow();
  }

  private <T extends HasMetadata> KindInformer<T> add(
      String kind, Supplier<SharedIndexInformer<T>> create) {
    KindInformer<T> informer = new KindInformer<>(kind, create, restarts, RESTART_DELAY);
    informers.add(informer);
    return informer;
  }

  private <T extends HasMetadata, L extends KubernetesResourceList<T>>
      FilterWatchListDeletable<T, L, ?> scoped(MixedOperation<T, L, ?> operation) {
    return namespace == null ? operation.inAnyNamespace() : operation.inNamespace(namespace);
  }

  /** An informer of an owned kind that caches {@code prune}d copies. */
  private <T extends HasMetadata> SharedIndexInformer<T> owned(
      FilterWatchListDeletable<T, ?, ?> scope, Class<T> type, UnaryOperator<T> prune,
      KeyedHandler<HasMetadata> handler) {
    return scope.withLabel(PodLabels.DEPLOYMENT).runnableInformer(0)
        .removeNamespaceIndex()
        .itemStore(new PruningStore<>(type, prune))
        .addEventHandler(handler);
  }

  private static List<String> overQuotaIndex(GenericKubernetesResource deployment) {
    Object spec = deployment.getAdditionalProperties().get("spec");
    Object status = deployment.getAdditionalProperties().get("status");
    boolean overQuota = status instanceof Map<?, ?> fields
        && FailureReason.GROUP_QUOTA_EXCEEDED.wireName().equals(fields.get("reason"));
    if (overQuota && spec instanceof Map<?, ?> map && map.get("groupName") instanceof String group) {
      return List.of(deployment.getMetadata().getNamespace() + "/" + PodLabels.escapeGroup(group));
    }
    return List.of();
  }

  private static List<String> labelIndex(Pod pod, String label) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    String value = labels == null ? null : labels.get(label);
    return value == null ? List.of() : List.of(pod.getMetadata().getNamespace() + "/" + value);
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Recent writes of owned objects, one overlay per kind, keyed by {@code namespace/name}. */
  public static final class OwnedWrites {
    final RecentWrites<Deployment> deployments = new RecentWrites<>();
    final RecentWrites<Service> services = new RecentWrites<>();
    final RecentWrites<Ingress> ingresses = new RecentWrites<>();
    final RecentWrites<Secret> secrets = new RecentWrites<>();
    final RecentWrites<GenericKubernetesResource> podMonitors = new RecentWrites<>();

    /** The overlay of the resource's kind. */
    @SuppressWarnings("unchecked")
    <T extends HasMetadata> RecentWrites<T> of(T resource) {
      RecentWrites<?> writes;
      if (resource instanceof Deployment) {
        writes = deployments;
      } else if (resource instanceof Service) {
        writes = services;
      } else if (resource instanceof Ingress) {
        writes = ingresses;
      } else if (resource instanceof Secret) {
        writes = secrets;
      } else {
        writes = podMonitors;
      }
      return (RecentWrites<T>) writes;
    }
  }

  /**
   * Tells the controller which deployment an event concerns and keeps the write overlay honest:
   * a delivered version, or a deletion, retires the controller's own older write.
   *
   * @param writes the overlay of the object's kind
   * @param deploymentKey the key of the deployment the object is or belongs to, or {@code null}
   */
  private record KeyedHandler<T extends HasMetadata>(
      CacheEvents events,
      Function<T, RecentWrites<T>> writes,
      Function<T, String> deploymentKey) implements ResourceEventHandler<T> {

    @Override
    public void onAdd(T resource) {
      seen(resource, resource);
    }

    @Override
    public void onUpdate(T before, T after) {
      seen(after, after);
    }

    @Override
    public void onDelete(T resource, boolean finalStateUnknown) {
      seen(resource, null);
    }

    private void seen(T resource, T delivered) {
      writes.apply(resource).observed(KindInformer.keyOf(resource), delivered);
      String key = deploymentKey.apply(resource);
      if (key != null) {
        events.changed(key);
      }
    }
  }

  /** The key of the deployment an owned object's label names. */
  private static String ownerKey(HasMetadata resource) {
    Map<String, String> labels = resource.getMetadata().getLabels();
    String name = labels == null ? null : labels.get(PodLabels.DEPLOYMENT);
    return name == null ? null : resource.getMetadata().getNamespace() + "/" + name;
  }

  /** Maps pod events to their deployment and tells when a group's pod stops counting. */
  private record PodHandler(CacheEvents events) implements ResourceEventHandler<Pod> {

    @Override
    public void onAdd(Pod pod) {
      deployment(pod);
    }

    @Override
    public void onUpdate(Pod before, Pod after) {
      deployment(after);
      if (GroupUsage.counts(before) && !GroupUsage.counts(after)) {
        freed(after);
      }
    }

    @Override
    public void onDelete(Pod pod, boolean finalStateUnknown) {
      deployment(pod);
      freed(pod);
    }

    private void deployment(Pod pod) {
      String name = label(pod, PodLabels.DEPLOYMENT);
      if (name != null) {
        events.changed(pod.getMetadata().getNamespace() + "/" + name);
      }
    }

    private void freed(Pod pod) {
      String group = label(pod, PodLabels.GROUP);
      if (group != null) {
        events.groupFreed(pod.getMetadata().getNamespace(), group);
      }
    }

    private static String label(Pod pod, String label) {
      Map<String, String> labels = pod.getMetadata().getLabels();
      return labels == null ? null : labels.get(label);
    }
  }

}
