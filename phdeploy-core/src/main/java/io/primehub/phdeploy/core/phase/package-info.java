/**
 * How a deployment is doing: the pure decision of its phase, failure reason, message and
 * replica counts from plain facts the controller observed. {@link
 * io.primehub.phdeploy.core.phase.PodDiagnosis} reads what is wrong with a pod from its
 * container states; {@link io.primehub.phdeploy.core.phase.PhaseEvaluator} turns an {@link
 * io.primehub.phdeploy.core.phase.Observation} into an {@link
 * io.primehub.phdeploy.core.phase.Evaluation}. The Kubernetes module translates Pods and
 * Deployments into these facts, so nothing here needs a cluster to be tested.
 */
@ValueStyle
package io.primehub.phdeploy.core.phase;

import io.primehub.phdeploy.core.ValueStyle;
