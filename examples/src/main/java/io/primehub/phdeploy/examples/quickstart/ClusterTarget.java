package io.primehub.phdeploy.examples.quickstart;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real cluster, reached through a kubeconfig, where the phdeploy controller runs already
 * (see the README's "Running the controller on a cluster"). Groups are the cluster's catalog's
 * business, so the administrator's step is only described.
 */
final class ClusterTarget implements JourneyTarget {

  private final KubernetesClient client;
  private final PhDeployments deployments;
  private final Path kubeconfig;

  ClusterTarget(Path kubeconfig, String namespace) {
    this.kubeconfig = kubeconfig;
    try {
      this.client = new KubernetesClientBuilder()
          .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the kubeconfig " + kubeconfig, e);
    }
    this.deployments = PhDeployments.using(client).inNamespace(namespace);
  }

  @Override
  public String description() {
    return "the cluster of " + kubeconfig + " (" + client.getMasterUrl() + "), namespace "
        + deployments.namespace();
  }

  @Override
  public PhDeployments deployments() {
    return deployments;
  }

  @Override
  public String enableModelDeployment(String group) {
    return "on a real cluster the administrator enables it in the catalog the controller reads"
        + " (PHDEPLOY_CATALOG or PrimeHub's admin UI); the journey assumes group \"" + group
        + "\" has it";
  }

  @Override
  public Map<String, Long> requestsByPod(String deployment) {
    return Map.of();
  }

  @Override
  public void close() {
    client.close();
  }
}
