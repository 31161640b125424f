/**
 * An in-memory Kubernetes cluster for tests and demos: fabric8's mock API server plus simulators
 * of what a real cluster does, and a local prediction endpoint in front of Java models.
 *
 * <p>{@link io.primehub.phdeploy.testkit.InMemoryCluster} is where a test starts; it hands out
 * the controls of the machinery, which lives in sub-packages: {@code server} (the API server,
 * faults, the request journal, pod logs) and {@code sim} (the simulated deployment controller,
 * scheduler and nodes, kubelet and image registry, quota webhook and garbage collector).
 * {@link io.primehub.phdeploy.testkit.ManualClock} makes time move only when the test says.
 */
package io.primehub.phdeploy.testkit;
