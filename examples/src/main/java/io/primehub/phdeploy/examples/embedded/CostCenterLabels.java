package io.primehub.phdeploy.examples.embedded;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.primehub.phdeploy.k8s.desired.DesiredState;
import io.primehub.phdeploy.k8s.desired.DesiredStateHook;
import io.primehub.phdeploy.k8s.desired.ImmutableDesiredState;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.util.Map;

/**
 * A hook of the embedding application: every model's Deployment and pods are labelled with the
 * cost center that pays for the deployment's group, so that the cluster's cost reports can
 * charge it. Deterministic, as hooks must be: the same deployment always gets the same label.
 */
final class CostCenterLabels implements DesiredStateHook {

  /** The label's key. */
  static final String LABEL = "example.com/cost-center";

  private final Map<String, String> costCenterByGroup;

  CostCenterLabels(Map<String, String> costCenterByGroup) {
    this.costCenterByGroup = Map.copyOf(costCenterByGroup);
  }

  @Override
  public DesiredState adjust(PhDeployment deployment, DesiredState desired) {
    String costCenter =
        costCenterByGroup.getOrDefault(deployment.getSpec().groupName(), "unassigned");
    Deployment labelled = new DeploymentBuilder(desired.deployment())
        .editMetadata().addToLabels(LABEL, costCenter).endMetadata()
        .editSpec().editTemplate().editMetadata().addToLabels(LABEL, costCenter)
        .endMetadata().endTemplate().endSpec()
        .build();
    return ImmutableDesiredState.copyOf(desired).withDeployment(labelled);
  }
}
