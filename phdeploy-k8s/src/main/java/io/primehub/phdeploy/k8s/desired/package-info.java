/**
 * The desired state of every resource a {@code PhDeployment} owns — its Deployment, Service,
 * Ingress, basic-auth Secret and PodMonitor — as pure functions of the deployment, its group,
 * its instance type and the controller's configuration. Nothing here reads or writes a cluster.
 *
 * <p>{@link io.primehub.phdeploy.k8s.desired.DesiredStateFactory} builds a
 * {@link io.primehub.phdeploy.k8s.desired.DesiredState}, lets each
 * {@link io.primehub.phdeploy.k8s.desired.DesiredStateHook} adjust it, and stamps every object
 * with its {@link io.primehub.phdeploy.k8s.desired.DesiredHash}, which the controller compares
 * to decide whether an object needs an update.
 */
@ValueStyle
package io.primehub.phdeploy.k8s.desired;

import io.primehub.phdeploy.core.ValueStyle;
