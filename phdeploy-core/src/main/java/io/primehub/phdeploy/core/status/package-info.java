/**
 * How the controller composes a deployment's next status from an evaluation: the fields it
 * writes, the {@code Ready} condition and its transition time, and when the current attempt to
 * deploy began (which the deploy timeout counts from).
 */
package io.primehub.phdeploy.core.status;
