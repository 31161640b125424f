package io.primehub.phdeploy.bench;

import java.io.PrintStream;

/**
 * The benchmarks of issue 7, side by side with their baselines in one run: convergence, update
 * wave, restart, memory and test latency, each repeated and reported as medians (see
 * {@code BENCHMARKS.md}). Counts come from {@code --name=value} arguments or {@code bench.*}
 * system properties; see {@link BenchSettings}.
 */
public final class BenchMain {

  private BenchMain() {}

  /** Runs every benchmark, prints the report and exits 0, or 1 with the reason. */
  public static void main(String[] args) {
    try {
      BenchSettings settings = BenchSettings.from(args);
      long start = System.nanoTime();
      Results results = run(settings, System.out);
      Report.print(settings, results, System.out);
      System.out.printf("the whole run took %.0f s%n", Statistics.secondsSince(start));
      System.exit(0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.err.println("interrupted");
      System.exit(1);
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(1);
    }
  }

  /** Runs every benchmark {@code settings.repeats()} times, saying on {@code out} what runs. */
  static Results run(BenchSettings settings, PrintStream out) throws InterruptedException {
    Results results = new Results();
    LatencyBench latency = new LatencyBench(settings, results);
    ConvergenceBench convergence = new ConvergenceBench(settings, results);
    RestartBench restart = new RestartBench(settings, results);
    for (int repeat = 1; repeat <= settings.repeats(); repeat++) {
      out.printf("repeat %d of %d: test latency%n", repeat, settings.repeats());
      latency.run();
      out.printf("repeat %d of %d: convergence and update wave%n", repeat, settings.repeats());
      convergence.run();
      out.printf("repeat %d of %d: restart and memory%n", repeat, settings.repeats());
      restart.run();
    }
    return results;
  }
}
