package io.primehub.phdeploy.examples.quickstart;

import io.primehub.phdeploy.k8s.client.DeploymentProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;

/** Tells a person what the quick start does, one numbered step at a time. */
final class Narrator {

  private final PrintStream out;
  private final int steps;
  private final long started = System.nanoTime();
  private int step;
  private String lastProgress;

  Narrator(PrintStream out, int steps) {
    this.out = out;
    this.steps = steps;
  }

  /** Starts the next step. */
  void step(String title) {
    step++;
    lastProgress = null;
    out.printf("%n[%d/%d] %s%n", step, steps, title);
  }

  /** A line of detail under the current step. */
  void say(String format, Object... args) {
    out.println("      " + (args.length == 0 ? format : String.format(format, args)));
  }

  /** Progress while waiting for a phase, printed only when it says something new. */
  void progress(DeploymentProgress progress) {
    String line = progress.phase() == null
        ? "waiting for the controller to take it up"
        : String.format("%-9s %s", progress.phase(), withoutPhase(progress));
    if (!Objects.equals(line, lastProgress)) {
      lastProgress = line;
      say(line);
    }
  }

  /** The status message repeats the phase first; the phase column already shows it. */
  private static String withoutPhase(DeploymentProgress progress) {
    String prefix = progress.phase() + ": ";
    String message = Objects.toString(progress.message(), "");
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  /** The time since the quick start began. */
  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** Seconds with one decimal, for people. */
  static String seconds(Duration duration) {
    return String.format("%.1f s", duration.toMillis() / 1000.0);
  }
}
