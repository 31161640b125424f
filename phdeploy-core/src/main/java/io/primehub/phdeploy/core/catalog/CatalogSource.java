package io.primehub.phdeploy.core.catalog;

/**
 * Where the catalog comes from: a YAML file or ConfigMap, PrimeHub's GraphQL API, or memory.
 * Implementations may cache; callers ask for the catalog whenever they decide something.
 */
@FunctionalInterface
public interface CatalogSource {

  /**
   * The catalog as the source knows it now.
   *
   * @throws CatalogUnavailableException if the source cannot be read; never answer an empty
   *     catalog instead, since that would make every group look deleted
   */
  Catalog catalog() throws CatalogUnavailableException;

  /**
   * Asks to be told when the catalog changes or a source outage begins or ends, so that the
   * controller can decide again for every deployment. Sources that cannot tell never call the
   * listener; the controller then sees changes at its next reconcile of each deployment.
   *
   * @return a handle whose {@code close()} stops the notifications
   */
  default CatalogSubscription subscribe(Runnable onChange) {
    return CatalogSubscription.NONE;
  }
}
