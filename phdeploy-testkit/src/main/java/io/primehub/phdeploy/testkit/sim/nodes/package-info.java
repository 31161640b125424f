/**
 * The cluster's nodes: what each can hold (CPU, memory, GPUs, pods), its labels and its taints.
 * The scheduler places pods on them and the kubelet runs pods there.
 */
package io.primehub.phdeploy.testkit.sim.nodes;
