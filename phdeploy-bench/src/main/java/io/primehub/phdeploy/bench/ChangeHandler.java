package io.primehub.phdeploy.bench;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.function.Consumer;

/** An informer's events as two callbacks: the newest version of an object, and its deletion. */
record ChangeHandler<T>(Consumer<T> onChange, Consumer<T> onDelete)
    implements ResourceEventHandler<T> {

  /** Hears of every new version and ignores deletions. */
  static <T> ChangeHandler<T> onChange(Consumer<T> onChange) {
    return new ChangeHandler<>(onChange, deleted -> {});
  }

  @Override
  public void onAdd(T object) {
    onChange.accept(object);
  }

  @Override
  public void onUpdate(T before, T after) {
    onChange.accept(after);
  }

  @Override
  public void onDelete(T object, boolean finalStateUnknown) {
    onDelete.accept(object);
  }
}
