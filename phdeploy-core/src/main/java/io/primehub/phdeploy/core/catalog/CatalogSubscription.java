package io.primehub.phdeploy.core.catalog;

/** A listener's registration with a {@link CatalogSource}; closing it ends the notifications. */
@FunctionalInterface
public interface CatalogSubscription extends AutoCloseable {

  /** The subscription of a source that never notifies. */
  CatalogSubscription NONE = () -> {};

  /** Stops the notifications. */
  @Override
  void close();
}
