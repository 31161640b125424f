package io.primehub.phdeploy.testkit.assertions;

import io.primehub.phdeploy.k8s.resource.PhDeployment;

/** The entry point of phdeploy's AssertJ assertions. */
public final class PhDeployAssertions {

  private PhDeployAssertions() {}

  /** Assertions on a PhDeployment, as read from the cluster. */
  public static PhDeploymentAssert assertThat(PhDeployment actual) {
    return new PhDeploymentAssert(actual);
  }
}
