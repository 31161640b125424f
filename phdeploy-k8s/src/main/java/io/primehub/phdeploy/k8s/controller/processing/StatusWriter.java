package io.primehub.phdeploy.k8s.controller.processing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.primehub.phdeploy.k8s.resource.PhDeploymentCrd;
import java.net.HttpURLConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a deployment's status through the status subresource, as a JSON Patch, and only when
 * the patch changes something. The server's answer is remembered so that the next reconcile
 * reads what was written even before the informer delivers it.
 */
public final class StatusWriter {

  private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);

  private final KubernetesClient client;
  private final RecentWrites<GenericKubernetesResource> writes;

  /** A writer through {@code client}, recording its writes in {@code writes}. */
  public StatusWriter(KubernetesClient client, RecentWrites<GenericKubernetesResource> writes) {
    this.client = client;
    this.writes = writes;
  }

  /**
   * Applies the patch unless it is empty.
   *
   * @return whether a request was made and the object still existed
   */
  public boolean write(DeploymentView view, StatusPatch patch) {
    if (patch.isEmpty()) {
      return false;
    }
    try {
      GenericKubernetesResource written = client.genericKubernetesResources(PhDeploymentCrd.context())
          .inNamespace(view.metadata().getNamespace())
          .resource(view.resource())
          .subresource("status")
          .patch(PatchContext.of(PatchType.JSON), patch.toJson());
      writes.wrote(view.key(), written);
      LOG.debug("Wrote the status of {} ({} operations)", view.key(), patch.size());
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        LOG.debug("{} was deleted before its status was written", view.key());
        return false;
      }
      throw e;
    }
  }
}
