package io.primehub.phdeploy.k8s.controller;

import io.primehub.phdeploy.core.model.Phase;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Where the controller reports what it does. The default reports nothing;
 * {@link io.primehub.phdeploy.k8s.controller.metrics.MicrometerControllerMetrics} reports to
 * Micrometer when the application has it.
 */
public interface ControllerMetrics {

  /** Reports nothing. */
  ControllerMetrics NONE = new ControllerMetrics() {};

  /** How a reconcile ended. */
  enum Outcome {
    /** It finished. */
    SUCCESS,
    /** It asked to be retried (a dependency unavailable, a conflict). */
    RETRY,
    /** It threw. */
    ERROR
  }

  /** One reconcile took {@code elapsed} and ended with {@code outcome}. */
  default void reconciled(Duration elapsed, Outcome outcome) {}

  /**
   * A reconcile looked the deployment's group and instance type up in the catalog:
   * {@code available} is false when the catalog could not be read, so that an outage shows.
   */
  default void catalogRead(boolean available) {}

  /**
   * Hands over the live figures the controller can answer at any time: the work queue's depth
   * and the deployments by phase.
   */
  default void bind(IntSupplier queueDepth, Supplier<Map<Phase, Long>> deploymentsByPhase) {}
}
