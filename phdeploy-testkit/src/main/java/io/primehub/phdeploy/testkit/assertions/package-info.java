/**
 * AssertJ assertions for PhDeployments: {@code PhDeployAssertions.assertThat(deployment)
 * .isDeployed().hasAvailableReplicas(2).hasHistorySize(1)}.
 */
package io.primehub.phdeploy.testkit.assertions;
