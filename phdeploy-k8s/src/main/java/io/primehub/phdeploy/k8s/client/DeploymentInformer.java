package io.primehub.phdeploy.k8s.client;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.util.function.Consumer;

/**
 * Starts an informer on one deployment: a list and a watch of that object alone, which fabric8
 * re-establishes when the connection drops, so that no caller polls.
 */
final class DeploymentInformer {

  private DeploymentInformer() {}

  /**
   * An informer, started and synchronised, that reports every version of the deployment
   * {@code name} to {@code onChange} and its deletion to {@code onDelete}, one event at a time.
   */
  static SharedIndexInformer<PhDeployment> start(
      Scope scope, String name, Consumer<PhDeployment> onChange, Runnable onDelete) {
    return scope.deployment(name).inform(new ResourceEventHandler<PhDeployment>() {
      @Override
      public void onAdd(PhDeployment deployment) {
        onChange.accept(deployment);
      }

      @Override
      public void onUpdate(PhDeployment previous, PhDeployment deployment) {
        onChange.accept(deployment);
      }

      @Override
      public void onDelete(PhDeployment deployment, boolean finalStateUnknown) {
        onDelete.run();
      }
    });
  }
}
