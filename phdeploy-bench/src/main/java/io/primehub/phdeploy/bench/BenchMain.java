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

  /**
   * Runs every benchmark, prints the report and exits 0; or, when a measurement fails, prints
   * what was measured until then and the reason, and exits 1.
   */
  public static void main(String[] args) {
    BenchSettings settings = BenchSettings.from(args);
    Results results = new Results();
    long start = System.nanoTime();
    try {
      run(settings, results, System.out);
      Report.print(settings, results, System.out);
      System.out.printf("the whole run took %.0f s%n", Statistics.secondsSince(start));
      System.exit(0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.err.println("interrupted");
      System.exit(1);
    } catch (RuntimeException e) {
      System.out.printf("%nstopped after %.0f s; measured until then:%n",
          Statistics.secondsSince(start));
      Report.printRepeats(results, System.out);
      e.printStackTrace();
      System.exit(1);
    }
  }

  /**
   * Runs every benchmark {@code settings.repeats()} times into {@code results}, saying on
   * {@code out} what runs: the restart and memory measurements over one seeded fleet first, so
   * that the convergence runs do not share the heap with it, then test latency, convergence and
   * update wave, repeat after repeat.
   */
  static void run(BenchSettings settings, Results results, PrintStream out)
      throws InterruptedException {
    new RestartBench(settings, results).run(out);
    LatencyBench latency = new LatencyBench(settings, results);
    ConvergenceBench convergence = new ConvergenceBench(settings, results);
    for (int repeat = 1; repeat <= settings.repeats(); repeat++) {
      out.printf("repeat %d of %d: test latency%n", repeat, settings.repeats());
      latency.run();
      out.printf("repeat %d of %d: convergence and update wave%n", repeat, settings.repeats());
      convergence.run();
    }
  }
}
