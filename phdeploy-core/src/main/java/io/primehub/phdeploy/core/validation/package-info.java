/**
 * Whether a {@code PhDeployment} spec can be deployed: {@link
 * io.primehub.phdeploy.core.validation.SpecReader} turns the raw JSON of an object into the model
 * or names the field that does not match the schema, and {@link
 * io.primehub.phdeploy.core.validation.SpecValidator} reports every rule a spec breaks at once,
 * each as a {@link io.primehub.phdeploy.core.validation.Violation} that tells a person what to
 * fix. Both are pure: no I/O and no cluster.
 */
@ValueStyle
package io.primehub.phdeploy.core.validation;

import io.primehub.phdeploy.core.ValueStyle;
