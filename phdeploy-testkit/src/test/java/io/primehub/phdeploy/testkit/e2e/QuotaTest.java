package io.primehub.phdeploy.testkit.e2e;

import static io.primehub.phdeploy.testkit.assertions.PhDeployAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.naming.OwnedNames;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import io.primehub.phdeploy.testkit.junit.PhDeployTest;
import io.primehub.phdeploy.testkit.server.ApiRequest;
import io.primehub.phdeploy.testkit.server.InjectedFault;
import io.primehub.phdeploy.testkit.server.Verb;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The group's quota, enforced twice: by the controller's pre-check before it starts pods, which
 * names the resource and the shortfall, and by PrimeHub's admission webhook when a pod is
 * created, whose denial the controller reads off the Deployment. The group phusers may use 8
 * CPUs; each replica of the fixture's cpu-only instance type holds 1. The group's other usage is
 * a notebook: a pod phdeploy did not create, which counts against the same quota.
 */
@PhDeployTest
class QuotaTest {

  private static final String NOTEBOOK = "jupyter-phadmin";
  private static final String ACTION = "Ask for fewer replicas, pick a smaller instance type,"
      + " stop another deployment of the group, or ask an administrator to raise the group's"
      + " quota.";

  @Test
  void thePreCheckRefusesACreateBeyondTheQuotaAndDeploysOnceTheGroupHasRoom(
      PhDeployEnvironment env, KubernetesClient client, PhDeployments deployments) {
    startNotebook(env, NOTEBOOK, "7");

    deployments.create(Journey.NAME, Journey.fixture().getSpec());

    assertThat(Verdicts.awaitFailed(deployments, Journey.NAME))
        .isFailedWith(FailureReason.GROUP_QUOTA_EXCEEDED)
        .hasMessageContaining("The resource quota of group 'phusers' is not enough for this"
            + " deployment (cpu: requests 2, 7 of 8 in use, short by 1).")
        .hasMessageContaining(ACTION);
    assertThat(Verdicts.deploymentOf(client, Journey.NAME)).as("nothing started").isNull();

    stopNotebook(client, NOTEBOOK);

    PhDeployment recovered = Verdicts.await(client, Journey.NAME, Phase.DEPLOYED);
    assertThat(recovered).hasAvailableReplicas(2).hasHistorySize(1);
    assertThat(recovered.getMetadata().getGeneration()).as("no spec change").isEqualTo(1L);
  }

  @Test
  void thePreCheckHoldsBackAScaleUpAndLeavesWhatRunsAlone(
      PhDeployEnvironment env, InMemoryCluster cluster, PhDeployments deployments) {
    KubernetesClient client = cluster.client();
    deployBesideANotebook(env, deployments);

    deployments.scale(Journey.NAME, 4, "more traffic");

    assertThat(Verdicts.awaitFailed(deployments, Journey.NAME))
        .isFailedWith(FailureReason.GROUP_QUOTA_EXCEEDED)
        .hasMessageContaining("(cpu: requests 4, 5 of 8 in use, short by 1)")
        .hasReplicas(4).hasAvailableReplicas(2);
    env.awaitIdle();
    // The check came first: the Deployment still asks for 2, so the webhook was never asked.
    Deployment running = Verdicts.deploymentOf(client, Journey.NAME);
    assertThat(running.getSpec().getReplicas()).isEqualTo(2);
    assertThat(running.getStatus().getConditions()).extracting(DeploymentCondition::getType)
        .doesNotContain("ReplicaFailure");
    assertThat(Journey.pods(cluster, Journey.NAME)).hasSize(2);

    stopNotebook(client, NOTEBOOK);

    assertThat(Verdicts.await(client, Journey.NAME, Phase.DEPLOYED)).hasAvailableReplicas(4);
  }

  @Test
  void theWebhooksDenialOfAPodThePreCheckAdmittedFailsTheDeploymentUntilTheGroupHasRoom(
      PhDeployEnvironment env, InMemoryCluster cluster, PhDeployments deployments) {
    KubernetesClient client = cluster.client();
    deployBesideANotebook(env, deployments);
    // The cluster's deployment controller falls behind: the pods it creates are not stored yet.
    InjectedFault behind = cluster.faults().on(Verb.CREATE, "pods")
        .fromUserAgent(ApiRequest.SIMULATOR_USER_AGENT).respond(503);

    // 5 CPUs of others and 3 replicas fit 8: the pre-check lets the Deployment scale.
    deployments.scale(Journey.NAME, 3, "more traffic");
    client.apps().deployments().inNamespace(Journey.NAMESPACE)
        .withName(OwnedNames.of(Journey.NAME))
        .waitUntilCondition(QuotaTest::cannotCreatePods, Verdicts.WAIT.toSeconds(),
            TimeUnit.SECONDS);
    // Between the check and the pod, another notebook takes the last CPU.
    startNotebook(env, NOTEBOOK + "-2", "1");
    behind.remove();

    assertThat(Verdicts.awaitFailed(deployments, Journey.NAME))
        .isFailedWith(FailureReason.GROUP_QUOTA_EXCEEDED)
        .hasMessageContaining("Kubernetes refused to create the pods: admission webhook"
            + " \"resources-validation-webhook.primehub.io\" denied the request: Group phusers"
            + " exceeded cpu quota: 8, requesting 9.")
        .hasMessageContaining("ask the administrator for more quota for the group")
        .hasAvailableReplicas(2);

    stopNotebook(client, NOTEBOOK + "-2");

    assertThat(Verdicts.await(client, Journey.NAME, Phase.DEPLOYED)).hasAvailableReplicas(3);
    assertThat(Journey.pods(cluster, Journey.NAME)).hasSize(3);
  }

  /** Deploys the fixture's 2 replicas beside a notebook of 5 CPUs: 7 of the 8 are in use. */
  private static void deployBesideANotebook(PhDeployEnvironment env, PhDeployments deployments) {
    deployments.create(Journey.NAME, Journey.fixture().getSpec());
    deployments.awaitPhase(Journey.NAME, Phase.DEPLOYED, Verdicts.WAIT);
    startNotebook(env, NOTEBOOK, "5");
  }

  /**
   * Starts a pod of the group phusers that phdeploy did not create, holding this many CPUs, and
   * waits until it runs and everyone has seen it, so that the controller's cache counts it.
   */
  private static void startNotebook(PhDeployEnvironment env, String name, String cpu) {
    Pod notebook = new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(Journey.NAMESPACE)
        .addToLabels(PodLabels.GROUP, PodLabels.escapeGroup("phusers"))
        .endMetadata()
        .withNewSpec()
        .addNewContainer().withName("notebook").withImage("jupyter/base-notebook:2023-10-20")
        .withNewResources()
        .addToLimits("cpu", new Quantity(cpu))
        .addToLimits("memory", new Quantity("1Gi"))
        .endResources()
        .endContainer()
        .endSpec()
        .build();
    env.cluster().client().resource(notebook).create();
    env.cluster().client().resource(notebook).waitUntilCondition(
        pod -> pod != null && pod.getStatus() != null
            && "Running".equals(pod.getStatus().getPhase()),
        Verdicts.WAIT.toSeconds(), TimeUnit.SECONDS);
    env.awaitIdle();
  }

  private static void stopNotebook(KubernetesClient client, String name) {
    client.pods().inNamespace(Journey.NAMESPACE).withName(name).delete();
  }

  private static boolean cannotCreatePods(Deployment deployment) {
    List<DeploymentCondition> conditions =
        deployment == null || deployment.getStatus() == null
            ? List.of()
            : deployment.getStatus().getConditions();
    return conditions.stream().anyMatch(condition -> "ReplicaFailure".equals(condition.getType())
        && "True".equals(condition.getStatus()));
  }
}
