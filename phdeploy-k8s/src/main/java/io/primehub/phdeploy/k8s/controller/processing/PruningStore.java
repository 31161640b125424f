package io.primehub.phdeploy.k8s.controller.processing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.primehub.phdeploy.k8s.resource.KubernetesJson;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  private static final ObjectMapper MAPPER = KubernetesJson.mapper();

  private final Map<String, byte[]> items = new ConcurrentHashMap<>();
  private final ObjectReader reader;
  private final UnaryOperator<T> prune;
  private final DictionaryCompressor compressor = new DictionaryCompressor();

  /**
   * A store that keeps {@code prune(object)} for each object the informer delivers.
   *
   * @param type the kind, to read objects back
   * @param prune makes the copy to keep; it may share parts with the object it is given
   */
  PruningStore(Class<T> type, UnaryOperator<T> prune) {
    this.reader = MAPPER.readerFor(type);
    this.prune = prune;
  }

  @Override
  public String getKey(T resource) {
    return Cache.metaNamespaceKeyFunc(resource);
  }

  @Override
  public T put(String key, T resource) {
    byte[] pruned;
    try {
      pruned = compressor.compress(MAPPER.writeValueAsBytes(prune.apply(resource)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + key, e);
    }
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
    if (compressed == null) {
      return null;
    }
    try {
      return reader.readValue(compressor.decompress(compressed));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back a copy this store wrote", e);
    }
  }
}
