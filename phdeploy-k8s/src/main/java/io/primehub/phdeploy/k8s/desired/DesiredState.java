package io.primehub.phdeploy.k8s.desired;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.primehub.phdeploy.core.Nullable;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * Every resource one {@code PhDeployment} should own, exactly as the controller would write it.
 * The {@code with*} methods of {@link ImmutableDesiredState} give a copy with one object
 * replaced, which is how a {@link DesiredStateHook} returns its adjustment.
 */
@Value.Immutable
public interface DesiredState {

  /** The Deployment that runs the model and the Seldon engine. */
  Deployment deployment();

  /** The ClusterIP Service in front of the pods. */
  Service service();

  /** The Ingress that routes {@code /deployment/<name>/} to the Service. */
  Ingress ingress();

  /** The htpasswd Secret of a private endpoint; absent for a public one. */
  @Nullable
  Secret authSecret();

  /** The Prometheus operator PodMonitor; absent unless the configuration enables it. */
  @Nullable
  GenericKubernetesResource podMonitor();

  /** Every object present, in the order they are best created: workload first. */
  default List<HasMetadata> resources() {
    List<HasMetadata> resources = new ArrayList<>(List.of(deployment(), service(), ingress()));
    if (authSecret() != null) {
      resources.add(authSecret());
    }
    if (podMonitor() != null) {
      resources.add(podMonitor());
    }
    return List.copyOf(resources);
  }
}
