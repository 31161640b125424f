/**
 * The catalog of groups and instance types that deployments name: its values, read from
 * PrimeHub's GraphQL API or a YAML catalog in the format of {@code catalog.yaml}, and the
 * {@link io.primehub.phdeploy.core.catalog.CatalogSource} interface that those sources implement.
 */
@ValueStyle
package io.primehub.phdeploy.core.catalog;

import io.primehub.phdeploy.core.ValueStyle;
