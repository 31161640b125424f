/**
 * The simulated garbage collector: when an object is deleted, what it owns goes too, and so on
 * down the owner references.
 */
package io.primehub.phdeploy.testkit.sim.gc;
