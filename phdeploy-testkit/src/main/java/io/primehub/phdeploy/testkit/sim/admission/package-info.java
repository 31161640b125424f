/**
 * The admission webhook PrimeHub runs in a cluster: it denies a pod that would take its group
 * past the group's resource quota.
 */
package io.primehub.phdeploy.testkit.sim.admission;
