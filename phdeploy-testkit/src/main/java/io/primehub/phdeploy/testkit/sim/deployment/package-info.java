/**
 * The simulated deployment controller: it gives each Deployment its pods, replaces them as the
 * rollout strategy says when the template changes, and keeps the Deployment's status as
 * Kubernetes' own controller keeps it. Pods are owned by their Deployment directly; there are no
 * ReplicaSet objects, though pod names and the status messages speak of the replica set a real
 * cluster would have made.
 */
package io.primehub.phdeploy.testkit.sim.deployment;
