package io.primehub.phdeploy.k8s.controller;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.primehub.phdeploy.core.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a deployment owns as the controller's caches hold it: each owned object, or {@code null}
 * where it does not exist, and its pods. The caches keep only the fields the controller reads
 * (metadata, a Deployment's replicas, template fingerprint, images and status, a pod's limits,
 * conditions and container states), so a reconciler that needs more reads it from the API server.
 *
 * @param deployment the Deployment {@code deploy-<name>}
 * @param service the Service {@code deploy-<name>}
 * @param ingress the Ingress {@code deploy-<name>}
 * @param authSecret the Secret {@code deploy-<name>} of a private endpoint
 * @param podMonitor the PodMonitor {@code deploy-<name>}, when PodMonitors are managed
 * @param pods the pods labelled with the deployment's name
 */
public record ObservedResources(
    @Nullable Deployment deployment,
    @Nullable Service service,
    @Nullable Ingress ingress,
    @Nullable Secret authSecret,
    @Nullable GenericKubernetesResource podMonitor,
    List<Pod> pods) {

  /** The observation; the pods are copied. */
  public ObservedResources {
    pods = List.copyOf(pods);
  }

  /** Every owned object that exists, pods excluded. */
  public List<HasMetadata> owned() {
    List<HasMetadata> owned = new ArrayList<>();
    for (HasMetadata resource : new HasMetadata[] {deployment, service, ingress, authSecret, podMonitor}) {
      if (resource != null) {
        owned.add(resource);
      }
    }
    return owned;
  }
}
