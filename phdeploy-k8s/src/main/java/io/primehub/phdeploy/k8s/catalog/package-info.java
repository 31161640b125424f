/**
 * Catalog sources that read groups and instance types from outside the JVM: a YAML file
 * ({@link io.primehub.phdeploy.k8s.catalog.FileCatalogSource}) or ConfigMap
 * ({@link io.primehub.phdeploy.k8s.catalog.ConfigMapCatalogSource}) in the format of
 * {@code catalog.yaml}, and PrimeHub's GraphQL API
 * ({@link io.primehub.phdeploy.k8s.catalog.GraphQlCatalogSource}).
 * {@link io.primehub.phdeploy.k8s.catalog.CatalogSources} builds the one the standalone
 * controller's environment asks for.
 *
 * <p>Every source answers either a whole, validated catalog or a
 * {@link io.primehub.phdeploy.core.catalog.CatalogUnavailableException} that names the source and
 * the problem; none ever answers an empty catalog for a source it cannot read, since that would
 * make every group look deleted. Each tells its subscribers when its answer changes: a different
 * catalog, an outage beginning or an outage ending.
 */
package io.primehub.phdeploy.k8s.catalog;
