package io.primehub.phdeploy.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * How large each measurement is and how often it is repeated. Every count comes from a
 * {@code --name=value} argument or else a {@code -Dbench.name=value} system property, so that the
 * same program runs at full scale from the command line and as a smoke run in a test.
 *
 * @param convergence deployments created at once, then given a new image (measurements 1 and 4)
 * @param restart Deployed deployments a restarted controller starts over (measurements 2 and 3)
 * @param history history records of each of those deployments
 * @param latencySamples create-to-Deployed samples taken inside a {@code @PhDeployTest}
 * @param workers the controller's workers, and the baseline's concurrency
 * @param repeats how many times each measurement is taken; the report gives medians
 */
public record BenchSettings(
    int convergence, int restart, int history, int latencySamples, int workers, int repeats) {

  /**
   * What one run measures unless told otherwise: the scale, 1,000 deployments at once and
   * a restart over 10,000 with full histories, three repeats of everything; about five minutes on
   * a quiet two-core machine, with a heap of 10 GB (see BENCHMARKS.md).
   */
  public static final BenchSettings DEFAULTS = new BenchSettings(1000, 10_000, 32, 20, 4, 3);

  /** Validates the counts. */
  public BenchSettings {
    if (convergence < 1 || restart < 1 || latencySamples < 1 || workers < 1 || repeats < 1) {
      throw new IllegalArgumentException("every count must be at least 1: " + this);
    }
    if (history < 1 || history > 32) {
      throw new IllegalArgumentException("history must be between 1 and 32: " + history);
    }
  }

  /**
   * The settings of {@link #DEFAULTS}, each replaced by its {@code --name=value} argument or its
   * {@code bench.name} system property when given.
   */
  public static BenchSettings from(String[] args) {
    Map<String, String> given = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return new BenchSettings(
        count(given, "convergence", DEFAULTS.convergence),
        count(given, "restart", DEFAULTS.restart),
        count(given, "history", DEFAULTS.history),
        count(given, "latencySamples", DEFAULTS.latencySamples),
        count(given, "workers", DEFAULTS.workers),
        count(given, "repeats", DEFAULTS.repeats));
  }

  private static int count(Map<String, String> given, String name, int fallback) {
    String value = given.getOrDefault(name, System.getProperty("bench." + name));
    return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
  }
}
