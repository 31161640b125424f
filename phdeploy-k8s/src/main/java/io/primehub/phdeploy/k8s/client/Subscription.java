package io.primehub.phdeploy.k8s.client;

/**
 * Something the client keeps doing in the background until closed: watching phases or following
 * logs. Closing it stops the watch and frees its connection; closing it again does nothing. Its
 * {@link #close()} throws no checked exception, so try-with-resources needs no catch.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

  /** Stops watching. */
  @Override
  void close();
}
