package io.primehub.phdeploy.k8s.controller.processing;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An informer's store that keeps each object pruned to what the controller reads, as compact
 * JSON compressed against the first object stored ({@link DictionaryCompressor}), and reads it
 * back when asked. A full Deployment or Pod as a typed object costs over ten kilobytes of heap,
 * most of it fields the controller never reads (environment, probes, ports, container ids) and
 * the empty lists and maps every fabric8 model object carries; the same object pruned and
 * serialized costs under one, and compressed a few hundred bytes. Reads are few (one reconcile
 * reads one deployment's objects), so inflating and parsing on read is the cheaper side.
 *
 * @param <T> the kind it stores
 */
final class PruningStore<T extends HasMetadata> implements ItemStore<T> {

  private final Map<String, byte[]> items = new ConcurrentHashMap<>();
  private final Class<T> type;
  private final UnaryOperator<T> prune;
  private final KubernetesSerialization serialization;
  private final DictionaryCompressor compressor = new DictionaryCompressor();

  /**
   * A store that keeps {@code prune(object)} for each object the informer delivers.
   *
   * @param type the kind, to read objects back
   * @param prune makes the copy to keep; it may share parts with the object it is given
   */
  PruningStore(Class<T> type, UnaryOperator<T> prune, KubernetesSerialization serialization) {
    this.type = type;
    this.prune = prune;
    this.serialization = serialization;
  }

  @Override
  public String getKey(T resource) {
    return Cache.metaNamespaceKeyFunc(resource);
  }

  @Override
  public T put(String key, T resource) {
    byte[] pruned = compressor.compress(
        serialization.asJson(prune.apply(resource)).getBytes(StandardCharsets.UTF_8));
    return read(items.put(key, pruned));
  }

  @Override
  public T remove(String key) {
    return read(items.remove(key));
  }

  @Override
  public Stream<String> keySet() {
    return items.keySet().stream();
  }

  @Override
  public Stream<T> values() {
    return items.values().stream().map(this::read);
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public T get(String key) {
    return read(items.get(key));
  }

  private T read(byte[] compressed) {
    return compressed == null ? null : serialization.unmarshal(
        new String(compressor.decompress(compressed), StandardCharsets.UTF_8), type);
  }
}
