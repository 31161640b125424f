package io.primehub.phdeploy.k8s.catalog;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.CatalogSubscription;
import io.primehub.phdeploy.core.catalog.CatalogUnavailableException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A catalog held as YAML, in the format of {@code catalog.yaml}, in one key of a ConfigMap,
 * watched by an informer on that one ConfigMap so that every change is read at once.
 *
 * <p>While the ConfigMap is missing, lacks the key or holds an invalid catalog, or while it
 * cannot be listed, {@link #catalog()} throws a {@link CatalogUnavailableException} naming the
 * namespace, name and key and the problem; it never falls back to an older or empty catalog.
 * While the watch reconnects after an error, the informer's last view of the ConfigMap stands,
 * as it does for every informer-backed read in the controller. Listeners are told when the
 * answer changes.
 */
public final class ConfigMapCatalogSource implements CloseableCatalogSource {

  /** The key that holds the catalog unless another is given. */
  public static final String DEFAULT_KEY = "catalog.yaml";

  private static final Logger LOG = LoggerFactory.getLogger(ConfigMapCatalogSource.class);

  private final String storeKey;
  private final String key;
  private final LatestAnswer latest;
  private final SharedIndexInformer<ConfigMap> informer;

  private ConfigMapCatalogSource(KubernetesClient client, String namespace, String name,
      String key) {
    this.storeKey = Cache.namespaceKeyFunc(namespace, name);
    this.key = key;
    this.latest = LatestAnswer.failing(
        "ConfigMap " + storeKey + " key '" + key + "'", "not read yet");
    this.informer = client.configMaps().inNamespace(namespace).withName(name).runnableInformer(0);
  }

  /**
   * A source that reads the catalog from {@code key} of the ConfigMap {@code namespace/name} and
   * watches it until closed. It waits for the first list of the ConfigMap at most the client's
   * request timeout; if the API server has not answered by then, the source answers an outage
   * until it has, and tells its listeners when it does.
   */
  public static ConfigMapCatalogSource watching(
      KubernetesClient client, String namespace, String name, String key) {
    Objects.requireNonNull(client, "client");
    ConfigMapCatalogSource source = new ConfigMapCatalogSource(
        client,
        Objects.requireNonNull(namespace, "namespace"),
        Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(key, "key"));
    source.start(Duration.ofMillis(client.getConfiguration().getRequestTimeout()));
    return source;
  }

  /**
   * The catalog in the ConfigMap as last seen.
   *
   * @throws CatalogUnavailableException naming the namespace, name and key while the ConfigMap
   *     is missing, lacks the key, holds an invalid catalog or has not been listed
   */
  @Override
  public Catalog catalog() throws CatalogUnavailableException {
    return latest.catalog();
  }

  /** Listeners are told when the catalog changes and when an outage begins or ends. */
  @Override
  public CatalogSubscription subscribe(Runnable onChange) {
    return latest.subscribe(onChange);
  }

  /** Stops the informer; the last answer stays. */
  @Override
  public void close() {
    informer.close();
  }

  /** The namespace, name and key, for logs. */
  @Override
  public String toString() {
    return "ConfigMapCatalogSource[" + latest.origin() + "]";
  }

  private void start(Duration firstListTimeout) {
    informer.addEventHandler(new ResourceEventHandler<ConfigMap>() {
      @Override
      public void onAdd(ConfigMap configMap) {
        refresh();
      }

      @Override
      public void onUpdate(ConfigMap before, ConfigMap after) {
        refresh();
      }

      @Override
      public void onDelete(ConfigMap configMap, boolean finalStateUnknown) {
        refresh();
      }
    });
    informer.exceptionHandler((started, failure) -> {
      if (!started) {
        latest.fail("cannot list the ConfigMap: " + reason(failure), failure);
      }
      // fabric8 gives up on a failed first list unless told otherwise; the catalog must come
      // back by itself once the API server answers, so keep trying, with fabric8's backoff.
      return true;
    });
    informer.stopped().whenComplete((ignored, failure) -> {
      if (failure != null) {
        latest.fail("stopped watching the ConfigMap: " + reason(failure), failure);
      }
    });
    try {
      // The first list gives no event when the ConfigMap is missing, so look once it is done.
      informer.start().toCompletableFuture().whenComplete((ignored, failure) -> refresh())
          .get(firstListTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.info("{} was not listed within {}; it is read when the API server answers",
          latest.origin(), firstListTimeout);
    } catch (ExecutionException e) {
      latest.fail("cannot watch the ConfigMap: " + reason(e), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The message of the failure itself, not of the futures that carried it here. */
  private static String reason(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }

  /** Reads the ConfigMap as the informer's cache holds it now, whatever event led here. */
  private synchronized void refresh() {
    ConfigMap configMap = informer.getStore().getByKey(storeKey);
    if (configMap == null) {
      if (informer.hasSynced()) {
        latest.fail("the ConfigMap does not exist", null);
      }
      return;
    }
    Map<String, String> data = configMap.getData();
    String yaml = data == null ? null : data.get(key);
    if (yaml == null) {
      latest.fail("the ConfigMap has no key '" + key + "' in its data; its keys are "
          + (data == null ? "none" : new TreeSet<>(data.keySet())), null);
      return;
    }
    YamlCatalog.readInto(latest, yaml);
  }
}
