package io.primehub.phdeploy.testkit.server;

/**
 * Told, while the API server answers a write, which objects the write stored or deleted. It runs
 * on the server's thread before the answer leaves, so it must be quick and must not block; it
 * sees every change in the order the server made them.
 */
public interface WriteObserver {

  /** An object was created or changed. */
  default void stored(StoredObject object) {}

  /** An object was deleted. */
  default void deleted(StoredObject object) {}
}
