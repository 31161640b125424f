package io.primehub.phdeploy.testkit.reliability;

import java.time.Duration;
import java.util.function.LongFunction;

/**
 * Runs a seeded check once, or, when {@code -Dsoak.minutes=N} is given, again and again with
 * new seeds until N minutes have passed. The first seed is {@code -Dchurn.seed=} if given, so
 * that a failure replays. Each run's figures are printed.
 */
final class Soak {

  private static final long DEFAULT_SEED = 20261204L;

  private Soak() {}

  /**
   * @param run runs the check with a seed and answers its figures, or throws
   */
  static void repeat(String name, LongFunction<String> run) {
    long seed = Long.getLong("churn.seed", DEFAULT_SEED);
    Duration soak = Duration.ofMinutes(Long.getLong("soak.minutes", 0L));
    long deadline = System.nanoTime() + soak.toNanos();
    int runs = 0;
    do {
      System.out.printf("%s, run %d, seed %d%n", name, runs + 1, seed);
      System.out.printf("%s: %s%n", name, run.apply(seed));
      runs++;
      seed++;
    } while (System.nanoTime() < deadline);
    System.out.printf("%s: %d runs passed%n", name, runs);
  }
}
