package io.primehub.phdeploy.k8s.resource;

import io.fabric8.kubernetes.api.model.DefaultKubernetesResourceList;

/** A list of {@link PhDeployment}s, as the API server answers a list request. */
public class PhDeploymentList extends DefaultKubernetesResourceList<PhDeployment> {}
