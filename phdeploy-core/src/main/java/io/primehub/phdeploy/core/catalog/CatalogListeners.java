package io.primehub.phdeploy.core.catalog;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners of a catalog source, for implementations of {@link CatalogSource#subscribe}.
 * Thread-safe; a listener that throws does not keep the others from being told.
 */
public final class CatalogListeners {

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** Adds a listener until its subscription is closed. */
  public CatalogSubscription add(Runnable listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Tells every listener that the catalog changed. */
  public void fire() {
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        // A listener's failure is its own; the next listener must still hear of the change.
        Thread.currentThread().getUncaughtExceptionHandler()
            .uncaughtException(Thread.currentThread(), e);
      }
    }
  }
}
