package io.primehub.phdeploy.testkit.sim.kubelet;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The storage that a pod's {@value #INITIALIZER} init container copies the model from. Every model
 * URI can be copied, unless it starts with a prefix made to {@link #fail}: then the initializer
 * exits with code 1 and is restarted with back-off, and the pod never starts its containers.
 */
public final class ModelStorage {

  /** The name of the init container that copies the model. */
  public static final String INITIALIZER = "model-storage-initializer";

  private final Set<String> failing = ConcurrentHashMap.newKeySet();
  private final Runnable onChange;

  /**
   * Storage from which everything can be copied.
   *
   * @param onChange called after every change, so that initializers waiting to restart try again
   */
  public ModelStorage(Runnable onChange) {
    this.onChange = onChange;
  }

  /** Makes copying fail for every model URI that starts with this URI or prefix. */
  public ModelStorage fail(String uriOrPrefix) {
    failing.add(uriOrPrefix);
    onChange.run();
    return this;
  }

  /** Makes copying succeed again for this URI or prefix. */
  public ModelStorage restore(String uriOrPrefix) {
    failing.remove(uriOrPrefix);
    onChange.run();
    return this;
  }

  /** The first of an initializer's arguments whose copy fails, if any. */
  public Optional<String> failingUri(List<String> args) {
    return args.stream()
        .filter(arg -> failing.stream().anyMatch(arg::startsWith))
        .findFirst();
  }
}
