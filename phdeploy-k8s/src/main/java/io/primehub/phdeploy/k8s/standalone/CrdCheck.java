package io.primehub.phdeploy.k8s.standalone;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import java.net.HttpURLConnection;

/**
 * Checks, before anything starts, that the cluster has the CustomResourceDefinitions the
 * controller reads, and says how to install a missing one. Without it the informers would fail
 * to list, with a message that does not say why.
 */
final class CrdCheck {

  /** The Prometheus Operator's PodMonitor CRD, needed only with PodMonitors switched on. */
  static final String POD_MONITOR_CRD = "podmonitors.monitoring.coreos.com";

  private static final String POD_MONITOR_VERSION = "v1";

  private CrdCheck() {}

  /**
   * Checks the PhDeployment CRD, and the PodMonitor CRD when {@code config} asks for PodMonitors.
   *
   * @throws StartupFailure naming the missing CRD and how to install it, or why it could not be
   *     read
   */
  static void verify(KubernetesClient client, ControllerConfig config) {
    require(client, PhDeploymentCrd.NAME, PhDeployment.VERSION,
        "Install or update it with 'kubectl apply -f deploy/crd.yaml'; the controller jar carries"
            + " the same YAML as " + PhDeploymentCrd.RESOURCE.substring(1) + ".");
    if (config.podMonitorEnabled()) {
      require(client, POD_MONITOR_CRD, POD_MONITOR_VERSION,
          "Install the Prometheus Operator, or set " + Variable.PODMONITOR.variableName()
              + "=false.");
    }
  }

  private static void require(
      KubernetesClient client, String name, String version, String howToInstall) {
    String cluster = client.getConfiguration().getMasterUrl();
    CustomResourceDefinition crd;
    try {
      crd = client.apiextensions().v1().customResourceDefinitions().withName(name).get();
    } catch (KubernetesClientException e) {
      throw new StartupFailure(unreadable(name, cluster, e), e);
    }
    if (crd == null) {
      throw new StartupFailure(StartupFailure.START_FAILED, "The CustomResourceDefinition "
          + name + " is not installed on the cluster at " + cluster + ". " + howToInstall);
    }
    boolean served = crd.getSpec().getVersions().stream()
        .anyMatch(v -> v.getName().equals(version) && Boolean.TRUE.equals(v.getServed()));
    if (!served) {
      throw new StartupFailure(StartupFailure.START_FAILED, "The CustomResourceDefinition "
          + name + " on the cluster at " + cluster + " does not serve version " + version + ". "
          + howToInstall);
    }
  }

  private static String unreadable(String name, String cluster, KubernetesClientException e) {
    if (e.getCode() == HttpURLConnection.HTTP_UNAUTHORIZED
        || e.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
      return "The controller may not read the CustomResourceDefinition " + name + " on the"
          + " cluster at " + cluster + " (HTTP " + e.getCode() + "): apply deploy/rbac.yaml and"
          + " run the controller with its ServiceAccount.";
    }
    return "Cannot reach the Kubernetes API server at " + cluster + " (" + rootCause(e)
        + "). The controller reads the cluster from KUBECONFIG, ~/.kube/config, the in-cluster"
        + " service account, or KUBERNETES_MASTER.";
  }

  /** fabric8 wraps the failure that tells why, such as a refused connection, in its own. */
  private static String rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.toString();
  }
}
