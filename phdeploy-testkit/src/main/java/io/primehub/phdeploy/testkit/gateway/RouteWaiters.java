package io.primehub.phdeploy.testkit.gateway;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Futures that complete when a deployment's route meets a condition. They are checked when
 * registered and again after every informer event, so a caller waits for exactly the change it
 * expects instead of polling or sleeping.
 */
final class RouteWaiters {

  private record Waiter(
      String deployment,
      Predicate<? super DeploymentRoute> condition,
      CompletableFuture<DeploymentRoute> future) {}

  private final Function<String, Optional<DeploymentRoute>> routes;
  private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  RouteWaiters(Function<String, Optional<DeploymentRoute>> routes) {
    this.routes = routes;
  }

  /** A future of the first route of {@code deployment} that satisfies {@code condition}. */
  CompletableFuture<DeploymentRoute> await(
      String deployment, Predicate<? super DeploymentRoute> condition) {
    Waiter waiter = new Waiter(deployment, condition, new CompletableFuture<>());
    waiters.add(waiter);
    // Checked after adding, so that a close racing with this call cannot leave it pending.
    if (closed) {
      fail(waiter);
    } else {
      check(waiter);
    }
    return waiter.future();
  }

  /** How many futures are pending. */
  int pending() {
    return (int) waiters.stream().filter(waiter -> !waiter.future().isDone()).count();
  }

  /** Checks every pending future against the current routes. */
  void recheck() {
    waiters.forEach(this::check);
  }

  /** Fails every pending future: the routes they wait for will not change any more. */
  void close() {
    closed = true;
    waiters.forEach(this::fail);
  }

  private void check(Waiter waiter) {
    try {
      Optional<DeploymentRoute> met = waiter.future().isDone()
          ? Optional.empty()
          : routes.apply(waiter.deployment()).filter(waiter.condition());
      met.ifPresent(route -> waiter.future().complete(route));
    } catch (RuntimeException conditionFailed) {
      waiter.future().completeExceptionally(conditionFailed);
    }
    // A future is done once met, failed, or completed by its caller (a timeout, a cancel).
    if (waiter.future().isDone()) {
      waiters.remove(waiter);
    }
  }

  private void fail(Waiter waiter) {
    waiter.future().completeExceptionally(new IllegalStateException(
        "the prediction gateway closed before the route of deployment '" + waiter.deployment()
            + "' met the condition"));
    waiters.remove(waiter);
  }
}
