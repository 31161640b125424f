/**
 * Amounts of CPU, memory and GPU, parsed from Kubernetes quantities, and the arithmetic of a
 * group's quota: whether a request fits, and by how much it does not.
 */
package io.primehub.phdeploy.core.quota;
