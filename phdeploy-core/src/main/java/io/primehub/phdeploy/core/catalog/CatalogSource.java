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
}
