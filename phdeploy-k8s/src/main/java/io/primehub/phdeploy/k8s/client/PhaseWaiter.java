package io.primehub.phdeploy.k8s.client;

import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.model.PhDeploymentStatus;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Waits, on a watch of the one object, until a deployment reaches a phase for its current spec.
 * A status counts only once {@code status.observedGeneration} has caught up with
 * {@code metadata.generation}: right after an update, the status still describes the spec before
 * it, and its {@code Deployed} or {@code Failed} says nothing about the new one.
 */
final class PhaseWaiter {

  private final Scope scope;

  PhaseWaiter(Scope scope) {
    this.scope = scope;
  }

  PhDeploymentStatus await(
      String name, Phase target, Duration timeout, Consumer<DeploymentProgress> progress) {
    Wait wait = new Wait(name, target, progress);
    // A deployment that is there already needs no watch; opening and at once closing one would
    // cost a list and a watch, and races the server's first event on fabric8's mock server.
    wait.observe(scope.require(name));
    if (wait.result.isDone()) {
      return outcome(wait, timeout);
    }
    try (SharedIndexInformer<PhDeployment> informer =
        DeploymentInformer.start(scope, name, wait::observe, wait::deleted)) {
      informer.stopped().whenComplete((stopped, error) -> wait.watchEnded(error));
      // Read once more now that the watch is open: a deletion while it was opening is in no
      // event where the server keeps no watch history, as fabric8's mock server does not.
      if (scope.get(name).isEmpty()) {
        wait.deleted();
      }
      return outcome(wait, timeout);
    }
  }

  /** The wait's result once it has one, or the timeout's exception once it has passed. */
  private PhDeploymentStatus outcome(Wait wait, Duration timeout) {
    long remaining = timeout.toNanos() - (System.nanoTime() - wait.startNanos);
    try {
      return wait.result.get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new PhDeploymentTimeoutException(
          scope.namespace(), wait.name, wait.target, timeout, wait.lastStatus);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw wait.failure("waiting for PhDeployment " + scope.key(wait.name) + " failed",
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw wait.failure("interrupted while waiting for PhDeployment " + scope.key(wait.name)
          + " to reach " + wait.target, e);
    }
  }

  /**
   * Whether the status was written for the spec the deployment has now. A server that keeps no
   * generation cannot tell, so every status counts there.
   */
  private static boolean describesCurrentSpec(PhDeployment deployment, PhDeploymentStatus status) {
    Long generation = deployment.getMetadata().getGeneration();
    Long observed = status.observedGeneration();
    return generation == null || (observed != null && observed >= generation);
  }

  /**
   * One wait: fed first by the waiting thread, then by the informer's thread, one observation at
   * a time; its result is read by the waiting thread.
   */
  private final class Wait {

    final CompletableFuture<PhDeploymentStatus> result = new CompletableFuture<>();
    final String name;
    final Phase target;
    final long startNanos = System.nanoTime();
    volatile PhDeploymentStatus lastStatus = PhDeploymentStatus.builder().build();
    private final Consumer<DeploymentProgress> progress;
    private @Nullable DeploymentProgress lastProgress;

    Wait(String name, Phase target, Consumer<DeploymentProgress> progress) {
      this.name = name;
      this.target = target;
      this.progress = progress;
    }

    void observe(PhDeployment deployment) {
      try {
        PhDeploymentStatus status = Scope.statusOf(deployment);
        lastStatus = status;
        report(status);
        if (!describesCurrentSpec(deployment, status)) {
          return;
        }
        if (status.phase() == target) {
          result.complete(status);
        } else if (status.phase() == Phase.FAILED) {
          result.completeExceptionally(
              new PhDeploymentFailedException(scope.namespace(), name, status));
        }
      } catch (RuntimeException e) {
        // The progress callback is the caller's code; its failure ends the caller's wait.
        result.completeExceptionally(e);
      }
    }

    void deleted() {
      result.completeExceptionally(new PhDeploymentNotFoundException(scope.namespace(), name,
          "PhDeployment " + scope.key(name) + " was deleted before it reached " + target));
    }

    void watchEnded(@Nullable Throwable error) {
      result.completeExceptionally(failure(
          "the watch of PhDeployment " + scope.key(name) + " ended before it reached " + target,
          error));
    }

    PhDeploymentException failure(String message, @Nullable Throwable cause) {
      return new PhDeploymentException(scope.namespace(), name, message, cause);
    }

    private void report(PhDeploymentStatus status) {
      DeploymentProgress now = DeploymentProgress.of(
          name, status, Duration.ofNanos(System.nanoTime() - startNanos));
      if (!now.sameStateAs(lastProgress)) {
        lastProgress = now;
        progress.accept(now);
      }
    }
  }
}
