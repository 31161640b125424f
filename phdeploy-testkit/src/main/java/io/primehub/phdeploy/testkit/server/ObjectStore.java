package io.primehub.phdeploy.testkit.server;

import java.util.Optional;

/**
 * Reads what the API server stores, in-process and without a request: for the parts of the
 * server, such as an admission webhook, that must look at other objects while serving one.
 */
@FunctionalInterface
public interface ObjectStore {

  /**
   * The JSON the server would answer to a {@code GET} of this API path (an object, or a list
   * for a collection path, which may carry a {@code labelSelector}), or empty if not found.
   */
  Optional<String> get(String path);
}
