/**
 * The controller's configuration: one immutable, validated value with documented defaults that
 * the desired-state factories, the reconciler and the standalone main read.
 */
@ValueStyle
package io.primehub.phdeploy.k8s.config;

import io.primehub.phdeploy.core.ValueStyle;
