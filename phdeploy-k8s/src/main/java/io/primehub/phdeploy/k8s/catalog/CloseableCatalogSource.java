package io.primehub.phdeploy.k8s.catalog;

import io.primehub.phdeploy.core.catalog.CatalogSource;

/**
 * A catalog source that may hold a watcher, an informer or a connection until it is closed.
 */
public interface CloseableCatalogSource extends CatalogSource, AutoCloseable {

  /** Stops watching for changes; the source answers no more change notifications after this. */
  @Override
  void close();
}
