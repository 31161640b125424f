package io.primehub.phdeploy.k8s.controller.processing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.k8s.controller.ObservedResources;
import io.primehub.phdeploy.k8s.desired.DesiredHash;
import io.primehub.phdeploy.k8s.desired.DesiredState;
import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a deployment's owned objects to their desired state with the fewest writes: creates
 * what is missing, updates (with the cached resource version, so a concurrent change answers
 * a conflict rather than being overwritten) only what differs in what phdeploy owns, and
 * deletes what should no longer exist. Whether an object differs is told by its desired-hash
 * annotation, plus the fields someone may edit by hand (replicas, images).
 */
public final class OwnedResourceSync {

  private static final Logger LOG = LoggerFactory.getLogger(OwnedResourceSync.class);
  /** Metadata keys phdeploy may set; any other key on an observed object is someone else's. */
  private static final List<String> OWNED_PREFIXES = List.of(
      "primehub.io/", "nginx.ingress.kubernetes.io/", "prometheus.io/", "app.kubernetes.io/");

  private final KubernetesClient client;
  private final InformerCaches.OwnedWrites writes;
  private final KubernetesSerialization serialization;

  /** A sync writing through {@code client} and recording its writes in {@code writes}. */
  public OwnedResourceSync(KubernetesClient client, InformerCaches.OwnedWrites writes) {
    this.client = client;
    this.writes = writes;
    this.serialization = client.getKubernetesSerialization();
  }

  /** What a sync did. */
  public record Outcome(
      @Nullable Deployment deployment, boolean ingressExists, int writes, boolean conflicted) {}

  /**
   * Applies the desired state.
   *
   * @param applyDeployment whether the Deployment may be created or changed; {@code false} when
   *     the group's quota cannot hold the change, which leaves what runs as it is
   * @return the Deployment as it now is (written or observed) and what was done
   */
  public Outcome apply(DesiredState desired, ObservedResources observed, boolean applyDeployment) {
    Counter counter = new Counter();
    Deployment deployment = applyDeployment
        ? sync(desired.deployment(), observed.deployment(), counter)
        : observed.deployment();
    sync(desired.service(), observed.service(), counter);
    HasMetadata ingress = sync(desired.ingress(), observed.ingress(), counter);
    syncOptional(desired.authSecret(), observed.authSecret(), counter);
    syncOptional(desired.podMonitor(), observed.podMonitor(), counter);
    return new Outcome(deployment, ingress != null, counter.writes, counter.conflicted);
  }

  /** Deletes every owned object that exists; pods go with their Deployment. */
  public int deleteAll(ObservedResources observed) {
    Counter counter = new Counter();
    observed.owned().forEach(resource -> delete(resource, counter));
    return counter.writes;
  }

  private <T extends HasMetadata> void syncOptional(
      @Nullable T desired, @Nullable T observed, Counter counter) {
    if (desired != null) {
      sync(desired, observed, counter);
    } else if (observed != null) {
      delete(observed, counter);
    }
  }

  private <T extends HasMetadata> T sync(T desired, @Nullable T observed, Counter counter) {
    String key = KindInformer.keyOf(desired);
    try {
      if (observed == null) {
        T created = client.resource(desired).create();
        counter.writes++;
        writes.of(created).wrote(key, created);
        LOG.info("Created {} {}", desired.getKind(), key);
        return created;
      }
      if (observed.getMetadata().getDeletionTimestamp() != null || !differs(observed, desired)) {
        return observed;
      }
      T updated = client.resource(updateOf(desired, observed)).update();
      counter.writes++;
      writes.of(updated).wrote(key, updated);
      LOG.info("Updated {} {}", desired.getKind(), key);
      return updated;
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      // The cache was behind the server; the informer brings the newer object and a retry.
      LOG.debug("{} {} changed meanwhile: {}", desired.getKind(), key, e.getMessage());
      counter.conflicted = true;
      return observed;
    }
  }

  private void delete(HasMetadata resource, Counter counter) {
    if (resource.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    String key = KindInformer.keyOf(resource);
    client.resource(resource).delete();
    writes.of(resource).deleted(key);
    counter.writes++;
    LOG.info("Deleted {} {}", resource.getKind(), key);
  }

  private static boolean differs(HasMetadata observed, HasMetadata desired) {
    if (!Objects.equals(DesiredHash.carried(observed, DesiredHash.ANNOTATION),
        DesiredHash.carried(desired, DesiredHash.ANNOTATION))) {
      return true;
    }
    return desired instanceof Deployment wanted && observed instanceof Deployment running
        && (!Objects.equals(wanted.getSpec().getReplicas(), running.getSpec().getReplicas())
            || !images(wanted).equals(images(running)));
  }

  private static List<String> images(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
        .map(Container::getImage).toList();
  }

  /**
   * The desired object as an update of the observed one: its resource version, the status the
   * server keeps, and the labels and annotations other controllers put on it.
   */
  private <T extends HasMetadata> T updateOf(T desired, T observed) {
    T update = serialization.clone(desired);
    ObjectMeta metadata = update.getMetadata();
    metadata.setResourceVersion(observed.getMetadata().getResourceVersion());
    metadata.setLabels(merged(observed.getMetadata().getLabels(), metadata.getLabels()));
    metadata.setAnnotations(
        merged(observed.getMetadata().getAnnotations(), metadata.getAnnotations()));
    if (update instanceof Deployment wanted && observed instanceof Deployment running) {
      wanted.setStatus(running.getStatus());
    }
    return update;
  }

  private static Map<String, String> merged(
      @Nullable Map<String, String> observed, @Nullable Map<String, String> desired) {
    Map<String, String> merged = new LinkedHashMap<>();
    if (observed != null) {
      observed.forEach((key, value) -> {
        if (OWNED_PREFIXES.stream().noneMatch(key::startsWith)) {
          merged.put(key, value);
        }
      });
    }
    if (desired != null) {
      merged.putAll(desired);
    }
    return merged;
  }

  private static final class Counter {
    int writes;
    boolean conflicted;
  }
}
