package io.primehub.phdeploy.examples.quickstart;

import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.validation.InvalidSpecException;
import io.primehub.phdeploy.k8s.client.PhDeploymentException;
import io.primehub.phdeploy.k8s.client.PhDeploymentFailedException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * phdeploy's quick start: the seed's user journey on an in-memory cluster, narrated. It exits 0
 * when every step worked, and 1 with the reason when one did not.
 *
 * <pre>
 * Options:
 *   --keep-running      keep the deployment up after the journey so that curl can use it;
 *                       Ctrl-C stops it and exits
 *   --kubeconfig PATH   run the journey on the cluster of this kubeconfig, where the phdeploy
 *                       controller runs, instead of the in-memory cluster
 *   --namespace NAME    the namespace on that cluster (default hub)
 *   --image IMAGE       the model image to deploy first
 *   --new-image IMAGE   the image to update to
 * </pre>
 */
public final class QuickStart {

  private QuickStart() {}

  /** Runs the quick start and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out));
  }

  /** Runs the quick start, printing to {@code out}; answers the exit code. */
  public static int run(List<String> args, PrintStream out) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      out.println(e.getMessage());
      out.println(Options.USAGE);
      return 2;
    }
    out.println("phdeploy quick start: the seed's user journey, step by step");
    // Starting, the journey's steps, and stopping (at once, or on Ctrl-C when kept running).
    Narrator narrator = new Narrator(out, 1 + SeedJourney.STEPS + 1);
    narrator.step("Start " + (options.kubeconfig() == null
        ? "an in-memory cluster, its prediction endpoint and the phdeploy controller"
        : "the client of a real cluster"));
    try (JourneyTarget target = options.target()) {
      narrator.say("on %s", target.description());
      SeedJourney journey =
          new SeedJourney(target, narrator, options.image(), options.newImage());
      String name = journey.deployAndUse();
      if (options.keepRunning()) {
        out.printf("%nThe deployment stays up; press Ctrl-C to stop it and exit.%n");
        waitForInterrupt(() -> journey.stop(name));
        return 0;
      }
      journey.stop(name);
      out.printf("%nDone in %s: every step worked.%n", Narrator.seconds(narrator.elapsed()));
      return 0;
    } catch (PhDeploymentFailedException e) {
      out.printf("%nFAILED: %s is Failed (%s): %s%n", e.name(),
          e.reason().map(FailureReason::wireName).orElse("no reason given"), e.statusMessage());
      return 1;
    } catch (PhDeploymentException | InvalidSpecException | IllegalStateException
        | IOException e) {
      out.printf("%nFAILED: %s%n", e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.printf("%nInterrupted.%n");
      return 1;
    }
  }

  private static void waitForInterrupt(Runnable onStop) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      onStop.run();
      stopped.countDown();
    }));
    stopped.await();
  }

  /** The command line. */
  record Options(
      boolean keepRunning, Path kubeconfig, String namespace, String image, String newImage) {

    static final String USAGE = "usage: QuickStart [--keep-running] [--kubeconfig PATH"
        + " [--namespace NAME]] [--image IMAGE] [--new-image IMAGE]";

    static Options parse(List<String> args) {
      boolean keepRunning = false;
      Path kubeconfig = null;
      String namespace = "hub";
      String image = "sandhya1594/spam-classifier:1.0.0.1";
      String newImage = "sandhya1594/spam-classifier:1.0.0.2";
      Deque<String> rest = new ArrayDeque<>(args);
      while (!rest.isEmpty()) {
        String arg = rest.pop();
        switch (arg) {
          case "--keep-running" -> keepRunning = true;
          case "--kubeconfig" -> kubeconfig = Path.of(value(arg, rest));
          case "--namespace" -> namespace = value(arg, rest);
          case "--image" -> image = value(arg, rest);
          case "--new-image" -> newImage = value(arg, rest);
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      return new Options(keepRunning, kubeconfig, namespace, image, newImage);
    }

    JourneyTarget target() {
      return kubeconfig == null
          ? new InMemoryTarget(image, newImage)
          : new ClusterTarget(kubeconfig, namespace);
    }

    private static String value(String option, Deque<String> rest) {
      if (rest.isEmpty()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return rest.pop();
    }
  }
}
