package io.primehub.phdeploy.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Prints the medians, the ratios controller/baseline and each goal of issue 7, met or missed. */
final class Report {

  private Report() {}

  static void print(BenchSettings settings, Results r, PrintStream out) {
    out.printf(Locale.ROOT, "%nphdeploy benchmarks: %s; medians of %d repeats%n",
        settings, settings.repeats());
    ratio(out, r, "1 convergence (s)", "convergence", 1.5);
    requests(out, r, "convergence");
    ratio(out, r, "4 update wave (s)", "update", 1.5);
    requests(out, r, "update");
    double restart = r.median("restart.controller.seconds");
    double list = r.median("restart.list.seconds");
    out.printf(Locale.ROOT, "2 restart (s)          controller %8.3f  bare list %8.3f  ratio %6.2f  %s%n",
        restart, list, restart / list, goal(restart / list, 3));
    out.printf(Locale.ROOT, "  writes %.0f (goal 0: %s), GETs %.0f; %s; seeding took %.1f s%n",
        r.median("restart.controller.writes"),
        r.median("restart.controller.writes") == 0 ? "met" : "missed",
        r.median("restart.controller.gets"), r.note("restart.controller.writes"),
        r.median("restart.seeding.seconds"));
    double perDeployment = r.median("memory.controller.bytesPerDeployment");
    out.printf(Locale.ROOT, "3 memory               %.2f KB per deployment (fixed %.1f MB)  %s%n",
        perDeployment / 1024, r.median("memory.controller.fixedBytes") / (1 << 20),
        goal(perDeployment / 1024, 5));
    double p50 = r.median("latency.test.p50.seconds");
    double rawP50 = r.median("latency.raw.p50.seconds");
    double p99 = r.median("latency.test.p99.seconds");
    double rawP99 = r.median("latency.raw.p99.seconds");
    out.printf(Locale.ROOT, "5 test latency (ms)    p50 %8.1f  raw %8.1f  ratio %6.2f%n",
        p50 * 1000, rawP50 * 1000, p50 / rawP50);
    out.printf(Locale.ROOT, "                       p99 %8.1f  raw %8.1f  ratio %6.2f%n",
        p99 * 1000, rawP99 * 1000, p99 / rawP99);
    out.println();
    printRepeats(r, out);
  }

  /** Every repeat of every figure measured so far. */
  static void printRepeats(Results r, PrintStream out) {
    out.println("every repeat:");
    for (String figure : r.figures()) {
      out.printf(Locale.ROOT, "  %-45s %s%n", figure, r.values(figure));
    }
  }

  private static void ratio(PrintStream out, Results r, String title, String prefix, double goal) {
    double controller = r.median(prefix + ".controller.seconds");
    double baseline = r.median(prefix + ".baseline.seconds");
    out.printf(Locale.ROOT, "%-22s controller %8.3f  baseline  %8.3f  ratio %6.2f  %s%n",
        title, controller, baseline, controller / baseline, goal(controller / baseline, goal));
  }

  private static void requests(PrintStream out, Results r, String prefix) {
    out.printf(Locale.ROOT,
        "  per deployment: controller writes %.2f, GET+LIST %.2f; baseline writes %.2f%n",
        r.median(prefix + ".controller.writesPerDeployment"),
        r.median(prefix + ".controller.readsPerDeployment"),
        r.median(prefix + ".baseline.writesPerDeployment"));
    out.printf("  controller %s%n  baseline   %s%n",
        r.note(prefix + ".controller.writesPerDeployment"),
        r.note(prefix + ".baseline.writesPerDeployment"));
  }

  private static String goal(double value, double limit) {
    return value <= limit
        ? String.format(Locale.ROOT, "goal <= %s: met", limit)
        : String.format(Locale.ROOT, "goal <= %s: missed by %.0f%%", limit, (value / limit - 1) * 100);
  }
}
