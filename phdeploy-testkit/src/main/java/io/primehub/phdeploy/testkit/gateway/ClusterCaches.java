package io.primehub.phdeploy.testkit.gateway;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.primehub.phdeploy.core.naming.PodLabels;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The gateway's view of the cluster: informers on the deployment pods, the Ingresses and the
 * Secrets of one namespace or all, and lookups into their caches. Only the informers' list and
 * watch reach the API server; every lookup is answered from memory, as nginx answers from its
 * own view of the cluster.
 */
final class ClusterCaches implements AutoCloseable {

  private static final String BY_NAME = "name";
  private static final String BY_DEPLOYMENT = "deployment";

  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<Ingress> ingresses;
  private final SharedIndexInformer<Secret> secrets;

  private ClusterCaches(
      SharedIndexInformer<Pod> pods,
      SharedIndexInformer<Ingress> ingresses,
      SharedIndexInformer<Secret> secrets) {
    this.pods = pods;
    this.ingresses = ingresses;
    this.secrets = secrets;
  }

  /**
   * Starts the informers and returns once their caches hold the initial lists.
   *
   * @param namespace the namespace to watch; empty for all
   * @throws IllegalStateException if an informer cannot start
   */
  static ClusterCaches start(KubernetesClient client, Optional<String> namespace) {
    // Only the pods the deployment's Service selects can receive its traffic.
    SharedIndexInformer<Pod> pods = informer(
        scope(client.pods(), namespace)
            .withLabel(PodLabels.APP, PodLabels.APP_VALUE)
            .withLabel(PodLabels.DEPLOYMENT),
        Map.of(BY_DEPLOYMENT, pod -> List.of(Cache.namespaceKeyFunc(
            pod.getMetadata().getNamespace(),
            pod.getMetadata().getLabels().get(PodLabels.DEPLOYMENT)))));
    // Watching all namespaces, the same Ingress name may exist in several: index by name alone.
    SharedIndexInformer<Ingress> ingresses = informer(
        scope(client.network().v1().ingresses(), namespace),
        Map.of(BY_NAME, ingress -> List.of(ingress.getMetadata().getName())));
    SharedIndexInformer<Secret> secrets = informer(scope(client.secrets(), namespace), Map.of());
    ClusterCaches caches = new ClusterCaches(pods, ingresses, secrets);
    try {
      CompletableFuture.allOf(
              pods.start().toCompletableFuture(),
              ingresses.start().toCompletableFuture(),
              secrets.start().toCompletableFuture())
          .join();
    } catch (CompletionException e) {
      caches.close();
      throw new IllegalStateException(
          "the prediction gateway cannot watch pods, Ingresses and Secrets: " + e.getCause(), e);
    }
    return caches;
  }

  /** Calls {@code listener} after every change any informer sees, once its cache holds it. */
  void onChange(Runnable listener) {
    ResourceEventHandler<HasMetadata> handler = new ResourceEventHandler<>() {
      @Override
      public void onAdd(HasMetadata added) {
        listener.run();
      }

      @Override
      public void onUpdate(HasMetadata before, HasMetadata after) {
        listener.run();
      }

      @Override
      public void onDelete(HasMetadata deleted, boolean deletedFinalStateUnknown) {
        listener.run();
      }
    };
    pods.addEventHandler(handler);
    ingresses.addEventHandler(handler);
    secrets.addEventHandler(handler);
  }

  /** The Ingresses of this name, in any namespace watched. */
  List<Ingress> ingressesNamed(String name) {
    return ingresses.getIndexer().byIndex(BY_NAME, name);
  }

  /** The pods labelled as serving {@code deployment} in {@code namespace}. */
  List<Pod> podsOf(String namespace, String deployment) {
    return pods.getIndexer().byIndex(BY_DEPLOYMENT, Cache.namespaceKeyFunc(namespace, deployment));
  }

  /** The Secret of this namespace and name, if it exists and is watched. */
  Optional<Secret> secret(String namespace, String name) {
    return Optional.ofNullable(
        secrets.getStore().getByKey(Cache.namespaceKeyFunc(namespace, name)));
  }

  /** Stops the informers. */
  @Override
  public void close() {
    pods.stop();
    ingresses.stop();
    secrets.stop();
  }

  private static <T extends HasMetadata> FilterWatchListDeletable<T, ?, ?> scope(
      MixedOperation<T, ?, ?> operation, Optional<String> namespace) {
    return namespace.<FilterWatchListDeletable<T, ?, ?>>map(operation::inNamespace)
        .orElseGet(operation::inAnyNamespace);
  }

  private static <T> SharedIndexInformer<T> informer(
      FilterWatchListDeletable<T, ?, ?> resources,
      Map<String, Function<T, List<String>>> indexers) {
    SharedIndexInformer<T> informer = resources.runnableInformer(0);
    informer.addIndexers(indexers);
    return informer;
  }
}
