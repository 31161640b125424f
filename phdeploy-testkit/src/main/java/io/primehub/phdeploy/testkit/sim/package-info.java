/**
 * The simulators that play a Kubernetes cluster's own machinery around the in-memory API server,
 * each in its own package: {@code deployment} (the deployment controller), {@code scheduler} and
 * {@code nodes} (placing pods on nodes), {@code kubelet} (running pods: images, crashes,
 * readiness, model storage, logs), {@code admission} (PrimeHub's quota webhook) and {@code gc}
 * (cascading deletion). {@code runtime} is how they run; {@link
 * io.primehub.phdeploy.testkit.sim.Simulators} puts them together.
 */
package io.primehub.phdeploy.testkit.sim;
