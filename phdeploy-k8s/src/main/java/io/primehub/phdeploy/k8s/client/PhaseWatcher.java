package io.primehub.phdeploy.k8s.client;

import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports each change of a deployment's phase to a listener, on a watch of the one object. */
final class PhaseWatcher {

  private static final Logger LOG = LoggerFactory.getLogger(PhaseWatcher.class);

  private final Scope scope;

  PhaseWatcher(Scope scope) {
    this.scope = scope;
  }

  Subscription watch(String name, Consumer<PhaseChange> listener) {
    Tracker tracker = new Tracker(name, listener);
    SharedIndexInformer<PhDeployment> informer =
        DeploymentInformer.start(scope, name, tracker::observe, tracker::forget);
    return informer::close;
  }

  /** Remembers the last phase seen; called by the informer's thread only, one event at a time. */
  private final class Tracker {

    private final String name;
    private final Consumer<PhaseChange> listener;
    private @Nullable Phase last;

    Tracker(String name, Consumer<PhaseChange> listener) {
      this.name = name;
      this.listener = listener;
    }

    void observe(PhDeployment deployment) {
      PhDeploymentStatus status = Scope.statusOf(deployment);
      Phase phase = status.phase();
      if (phase == null || Objects.equals(phase, last)) {
        return;
      }
      PhaseChange change =
          new PhaseChange(name, last, phase, status.reason(), status.message(), status);
      last = phase;
      try {
        listener.accept(change);
      } catch (RuntimeException e) {
        // The listener is the caller's code; one failure must not end the watch.
        LOG.warn("the phase listener of PhDeployment {} failed on {}", scope.key(name), phase, e);
      }
    }

    /** A deployment created again under the same name starts with no phase seen. */
    void forget() {
      last = null;
    }
  }
}
