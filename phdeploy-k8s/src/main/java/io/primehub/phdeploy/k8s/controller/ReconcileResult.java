package io.primehub.phdeploy.k8s.controller;

import io.primehub.phdeploy.core.Nullable;
import java.time.Instant;

/**
 * What the controller does with a deployment after a reconcile: nothing until the next change,
 * look again at an instant (a time-based transition such as the deploy timeout), or retry with
 * backoff (a dependency is unavailable, or a write conflicted).
 *
 * @param recheckAt when to look again, or {@code null}
 * @param retry whether to retry with backoff
 * @param why what a retry is waiting for, for logs
 */
public record ReconcileResult(@Nullable Instant recheckAt, boolean retry, @Nullable String why) {

  private static final ReconcileResult DONE = new ReconcileResult(null, false, null);

  /** Nothing more until something changes. */
  public static ReconcileResult done() {
    return DONE;
  }

  /** Look again at {@code instant} of the controller's clock, unless something changes first. */
  public static ReconcileResult recheckAt(Instant instant) {
    return new ReconcileResult(instant, false, null);
  }

  /** Retry with backoff, because of {@code why}. */
  public static ReconcileResult retry(String why) {
    return new ReconcileResult(null, true, why);
  }
}
