/**
 * The controller that turns PhDeployments into running model services, for applications that
 * embed it: {@link io.primehub.phdeploy.k8s.controller.PhDeployController} to build, start and
 * stop it, and the {@link io.primehub.phdeploy.k8s.controller.Reconciler} interface to wrap or
 * replace what it does for one deployment. The machinery lives in {@code processing}.
 */
package io.primehub.phdeploy.k8s.controller;
