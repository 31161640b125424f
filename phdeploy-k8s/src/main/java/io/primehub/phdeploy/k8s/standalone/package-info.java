/**
 * The machinery of the standalone controller that {@link io.primehub.phdeploy.k8s.ControllerMain}
 * runs: its settings read from the environment
 * ({@link io.primehub.phdeploy.k8s.standalone.ControllerSettings}), the checks it makes before it
 * starts, and its health and metrics endpoints. Applications that embed the controller use
 * {@link io.primehub.phdeploy.k8s.controller.PhDeployController} directly and need none of it.
 */
package io.primehub.phdeploy.k8s.standalone;
