/**
 * The simulated kubelet and what it depends on: the image registry (missing, private and invalid
 * images), the images' behaviour (crashing, slow to become ready), the model storage the
 * storage initializer copies from, and the pod status and logs that result.
 */
package io.primehub.phdeploy.testkit.sim.kubelet;
