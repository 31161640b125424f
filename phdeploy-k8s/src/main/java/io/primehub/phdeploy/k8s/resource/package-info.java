/**
 * The {@code primehub.io/v1alpha1} {@code PhDeployment} custom resource: its Java class, whose
 * spec and status are phdeploy-core's model, its list type, and the CRD that ships in this jar.
 */
package io.primehub.phdeploy.k8s.resource;
