/**
 * The Seldon prediction protocol that a deployment's endpoint speaks: the
 * {@link io.primehub.phdeploy.core.seldon.SeldonMessage} of Seldon's internal API (data as an
 * ndarray or a tensor, text, JSON or binary payloads, meta and status), and
 * {@link io.primehub.phdeploy.core.seldon.SeldonJson} to read and write it.
 */
@ValueStyle
package io.primehub.phdeploy.core.seldon;

import io.primehub.phdeploy.core.ValueStyle;
