/**
 * The catalog of groups and instance types that deployments name: its values, read from
 * PrimeHub's GraphQL API or a YAML catalog in the format of {@code catalog.yaml}; the
 * {@link io.primehub.phdeploy.core.catalog.CatalogSource} interface that those sources implement,
 * with an {@link io.primehub.phdeploy.core.catalog.InMemoryCatalogSource in-memory} one; and the
 * {@link io.primehub.phdeploy.core.catalog.CatalogResolver} that decides whether a deployment's
 * group and instance type let it run.
 */
@ValueStyle
package io.primehub.phdeploy.core.catalog;

import io.primehub.phdeploy.core.ValueStyle;
