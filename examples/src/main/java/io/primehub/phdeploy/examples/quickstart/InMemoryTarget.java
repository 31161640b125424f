package io.primehub.phdeploy.examples.quickstart;

import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.Group;
import io.primehub.phdeploy.core.catalog.ImmutableCatalog;
import io.primehub.phdeploy.core.catalog.ImmutableGroup;
import io.primehub.phdeploy.examples.model.SpamModels;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.testkit.Fixtures;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import java.util.Map;

/**
 * The in-memory cluster: fabric8's mock API server with the testkit's simulators, the local
 * prediction endpoint serving the Java spam classifier for both images, and a running
 * controller. The catalog is the fixture's, with model deployment still switched off for the
 * group, so that the administrator's step is real.
 */
final class InMemoryTarget implements JourneyTarget {

  private final PhDeployEnvironment environment;

  InMemoryTarget(String image, String newImage) {
    Catalog fixture = Fixtures.catalog();
    this.environment = PhDeployEnvironment.builder()
        .catalog(ImmutableCatalog.copyOf(fixture).withGroups(
            fixture.groups().stream().map(InMemoryTarget::switchedOff).toList()))
        .start();
    environment.models().serve(image, SpamModels.version1());
    environment.models().serve(newImage, SpamModels.version2());
  }

  @Override
  public String description() {
    return "an in-memory cluster: API server " + environment.cluster().masterUrl()
        + " (kubeconfig " + environment.cluster().kubeconfig() + "), predictions at "
        + environment.gateway().baseUrl();
  }

  @Override
  public PhDeployments deployments() {
    return environment.deployments();
  }

  @Override
  public String enableModelDeployment(String group) {
    environment.cluster().catalog().enableModelDeployment(group);
    return "model deployment enabled for group \"" + group + "\" in the catalog";
  }

  @Override
  public Map<String, Long> requestsByPod(String deployment) {
    return environment.gateway().requestsByPod(deployment);
  }

  @Override
  public void close() {
    environment.close();
  }

  private static Group switchedOff(Group group) {
    return ImmutableGroup.copyOf(group).withModelDeploymentEnabled(false);
  }
}
