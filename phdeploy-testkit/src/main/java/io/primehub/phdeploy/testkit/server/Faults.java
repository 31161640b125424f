package io.primehub.phdeploy.testkit.server;

import io.primehub.phdeploy.core.Nullable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Faults injected into the API server: errors, conflicts, throttling, slow answers and dropped
 * watches on chosen requests. Faults are tried in the order they were injected; the first that
 * hits a request decides what happens to it.
 */
public final class Faults {

  private final List<InjectedFault> faults = new CopyOnWriteArrayList<>();
  private final WatchConnections watches;

  Faults(WatchConnections watches) {
    this.watches = watches;
  }

  /**
   * Starts a fault on requests of this verb and resource.
   *
   * @param verb the verb, or {@code null} for any
   * @param resource a plural such as {@code pods}, or with a subresource such as
   *     {@code deployments/status}, or {@code null} for any
   */
  public FaultBuilder on(@Nullable Verb verb, @Nullable String resource) {
    return new FaultBuilder(this, verb, resource);
  }

  /** The faults in force, in the order they are tried. */
  public List<InjectedFault> active() {
    return List.copyOf(faults);
  }

  /** Takes every fault out. */
  public void clear() {
    faults.clear();
  }

  InjectedFault install(InjectedFault fault) {
    faults.add(Objects.requireNonNull(fault, "fault"));
    if (fault.action() instanceof FaultAction.DropWatch) {
      watches.drop(fault);
    }
    return fault;
  }

  void remove(InjectedFault fault) {
    faults.remove(fault);
  }

  /** The fault that hits this request, if any; counts the hit. */
  Optional<InjectedFault> hit(ApiRequest request) {
    return faults.stream().filter(fault -> fault.hit(request)).findFirst();
  }
}
