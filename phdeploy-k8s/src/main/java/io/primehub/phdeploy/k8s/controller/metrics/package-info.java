/**
 * Micrometer metrics of the controller. Micrometer is an optional dependency: only applications
 * that have it on their classpath use this package.
 */
package io.primehub.phdeploy.k8s.controller.metrics;
