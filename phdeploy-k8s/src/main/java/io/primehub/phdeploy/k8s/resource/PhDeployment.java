package io.primehub.phdeploy.k8s.resource;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;

@Group("primehub.io")
@Version("v1alpha1")
@Kind("PhDeployment")
@Plural("phdeployments")
public class PhDeployment extends CustomResource<PhDeploymentSpec, PhDeploymentStatus>
    implements Namespaced {}
