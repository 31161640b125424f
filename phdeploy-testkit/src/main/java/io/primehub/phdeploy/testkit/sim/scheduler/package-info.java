/**
 * The simulated scheduler: places each pending pod on a node whose free room, labels and taints
 * allow it, or leaves it pending with the real scheduler's {@code Unschedulable} message.
 */
package io.primehub.phdeploy.testkit.sim.scheduler;
