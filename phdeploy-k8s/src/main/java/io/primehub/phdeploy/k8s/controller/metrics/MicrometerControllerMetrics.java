package io.primehub.phdeploy.k8s.controller.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.k8s.controller.ControllerMetrics;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The controller's metrics in Micrometer: {@code phdeploy.reconcile} (a timer tagged with the
 * outcome, whose count is the number of reconciles and errors), {@code phdeploy.queue.depth},
 * {@code phdeploy.deployments} tagged by phase, and for catalog outages
 * {@code phdeploy.catalog.available} (1, or 0 while the latest read of the catalog failed) and
 * {@code phdeploy.catalog.unavailable} (a counter of the reads that failed).
 */
public final class MicrometerControllerMetrics implements ControllerMetrics {

  private final MeterRegistry registry;
  private final Map<Outcome, Timer> timers = new EnumMap<>(Outcome.class);
  private final AtomicInteger catalogAvailable = new AtomicInteger(1);
  private final Counter catalogUnavailable;

  private MicrometerControllerMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (Outcome outcome : Outcome.values()) {
      timers.put(outcome, Timer.builder("phdeploy.reconcile")
          .description("Reconciles of one deployment, by how they ended")
          .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
          .register(registry));
    }
    Gauge.builder("phdeploy.catalog.available", catalogAvailable, AtomicInteger::get)
        .description("1 while the catalog of groups and instance types answers, 0 during an"
            + " outage")
        .register(registry);
    catalogUnavailable = Counter.builder("phdeploy.catalog.unavailable")
        .description("Reconciles that could not read the catalog of groups and instance types")
        .register(registry);
  }

  /** Metrics registered in {@code registry}. */
  public static MicrometerControllerMetrics of(MeterRegistry registry) {
    return new MicrometerControllerMetrics(registry);
  }

  @Override
  public void reconciled(Duration elapsed, Outcome outcome) {
    timers.get(outcome).record(elapsed);
  }

  @Override
  public void catalogRead(boolean available) {
    catalogAvailable.set(available ? 1 : 0);
    if (!available) {
      catalogUnavailable.increment();
    }
  }

  @Override
  public void bind(IntSupplier queueDepth, Supplier<Map<Phase, Long>> deploymentsByPhase) {
    Gauge.builder("phdeploy.queue.depth", queueDepth::getAsInt)
        .description("Deployments waiting to be reconciled")
        .register(registry);
    for (Phase phase : Phase.values()) {
      Gauge.builder("phdeploy.deployments",
              () -> deploymentsByPhase.get().getOrDefault(phase, 0L))
          .description("Deployments by phase")
          .tag("phase", phase.wireName())
          .register(registry);
    }
  }
}
