/**
 * The typed model of a {@code PhDeployment}: its spec (what the user asks for), its status (what
 * the controller observed and decided), and the enumerations of the wire contract. Every type
 * reads and writes the {@code primehub.io/v1alpha1} JSON/YAML form without loss.
 */
@ValueStyle
package io.primehub.phdeploy.core.model;

import io.primehub.phdeploy.core.ValueStyle;
