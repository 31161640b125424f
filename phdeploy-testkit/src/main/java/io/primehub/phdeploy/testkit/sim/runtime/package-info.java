/**
 * How the simulators run: one work loop that does their work one task at a time, wake-ups at
 * instants of the cluster's clock, the informer caches they read, and the bookkeeping that tells
 * when they have nothing left to do.
 */
package io.primehub.phdeploy.testkit.sim.runtime;
