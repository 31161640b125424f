package io.primehub.phdeploy.k8s.controller.processing;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.primehub.phdeploy.core.history.SpecFingerprint;
import io.primehub.phdeploy.core.model.WireJson;
import io.primehub.phdeploy.core.validation.InvalidSpecException;
import io.primehub.phdeploy.core.validation.SpecReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The informer's store of PhDeployments, which keeps each object without
 * {@code status.history} and a {@link HistorySummary} beside it. Thirty-two full specs per
 * deployment would cost hundreds of megabytes at ten thousand deployments; the reconciler needs
 * only the newest record's fingerprint and the records' sizes. What remains is kept as compact
 * JSON by a {@link PruningStore}: as a generic object's nested maps it costs about four times
 * the heap.
 */
public final class CompactingDeploymentStore implements ItemStore<GenericKubernetesResource> {

  private final PruningStore<GenericKubernetesResource> copies =
      new PruningStore<>(GenericKubernetesResource.class, UnaryOperator.identity());
  private final Map<String, HistorySummary> summaries = new ConcurrentHashMap<>();

  @Override
  public String getKey(GenericKubernetesResource resource) {
    return Cache.metaNamespaceKeyFunc(resource);
  }

  @Override
  public GenericKubernetesResource put(String key, GenericKubernetesResource resource) {
    Compacted compacted = compact(resource);
    summaries.put(key, compacted.summary());
    return copies.put(key, compacted.resource());
  }

  @Override
  public GenericKubernetesResource remove(String key) {
    summaries.remove(key);
    return copies.remove(key);
  }

  @Override
  public Stream<String> keySet() {
    return copies.keySet();
  }

  @Override
  public Stream<GenericKubernetesResource> values() {
    return copies.values();
  }

  @Override
  public int size() {
    return copies.size();
  }

  @Override
  public GenericKubernetesResource get(String key) {
    return copies.get(key);
  }

  /** The history summary of the object stored under {@code key}. */
  public HistorySummary summary(String key) {
    return summaries.getOrDefault(key, HistorySummary.EMPTY);
  }

  /** A PhDeployment as this store keeps it, with the summary of the history it drops. */
  public record Compacted(GenericKubernetesResource resource, HistorySummary summary) {}

  /** Drops {@code status.history} from a copy of the resource and summarises it. */
  public static Compacted compact(GenericKubernetesResource resource) {
    Object status = resource.getAdditionalProperties().get("status");
    if (!(status instanceof Map<?, ?> statusMap) || !statusMap.containsKey("history")) {
      return new Compacted(resource, HistorySummary.EMPTY);
    }
    GenericKubernetesResource copy = new GenericKubernetesResource();
    copy.setApiVersion(resource.getApiVersion());
    copy.setKind(resource.getKind());
    copy.setMetadata(resource.getMetadata());
    Map<String, Object> properties = new LinkedHashMap<>(resource.getAdditionalProperties());
    Map<Object, Object> compactStatus = new LinkedHashMap<>(statusMap);
    Object history = compactStatus.remove("history");
    properties.put("status", compactStatus);
    copy.setAdditionalProperties(properties);
    return new Compacted(copy, summarize(resource.getMetadata().getName(), history));
  }

  private static HistorySummary summarize(String name, Object history) {
    if (!(history instanceof List<?> records) || records.isEmpty()) {
      return HistorySummary.EMPTY;
    }
    List<Integer> sizes = new ArrayList<>(records.size());
    for (Object record : records) {
      sizes.add(WireJson.byteSize(record));
    }
    JsonNode newest = WireJson.mapper().valueToTree(records.get(0));
    return new HistorySummary(fingerprint(name, newest.get("spec")), time(newest), sizes);
  }

  private static String fingerprint(String name, JsonNode spec) {
    try {
      return SpecFingerprint.of(SpecReader.read(name, spec));
    } catch (InvalidSpecException unreadable) {
      // An unreadable record matches no spec, so the current spec is recorded once more.
      return null;
    }
  }

  private static Instant time(JsonNode record) {
    JsonNode time = record.get("time");
    if (time == null || !time.isTextual()) {
      return null;
    }
    try {
      return Instant.parse(time.asText());
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }
}
