package io.primehub.phdeploy.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Churn under faults: 200 deployments are created, updated with specs they never had, stopped,
 * started and deleted while a fifth of the controller's writes fail (500, 409, answers too
 * late); in the second test they go through the same, over one round fewer, while the controller
 * is also restarted at 50 random steps ({@code -Dchurn.deployments=} sets the count).
 * Whatever happened, every deployment ends in the phase last asked for, owns exactly its three
 * objects, nothing is left of the deleted ones, and each history holds exactly the specs it was
 * given. The seed is printed, and {@code -Dchurn.seed=} replays it; {@code -Dsoak.minutes=}
 * repeats each test with new seeds for that long (see RELIABILITY.md).
 */
class ChurnUnderFaultsTest {

  private static final int DEPLOYMENTS = Integer.getInteger("churn.deployments", 200);
  private static final int ROUNDS = 4;
  /**
   * After each restart the controller lists every kind and reconciles every deployment again:
   * one round fewer keeps the test under a minute.
   */
  private static final int ROUNDS_WITH_RESTARTS = 3;
  private static final int RESTARTS = 50;
  private static final int MAX_START_ATTEMPTS = 5;
  /** How long the controller's client waits for an answer; timed-out writes answer later. */
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration LATE_BY = Duration.ofMillis(1500);
  private static final Duration WAIT = Duration.ofSeconds(90);

  @Test
  void everyDeploymentConvergesWhileAFifthOfTheControllersWritesFail() {
    Soak.repeat("churn under write faults", seed -> churn(seed, DEPLOYMENTS, ROUNDS, 0));
  }

  @Test
  void everyDeploymentConvergesThroughFiftyControllerRestarts() {
    Soak.repeat("churn under write faults and restarts",
        seed -> churn(seed, DEPLOYMENTS, ROUNDS_WITH_RESTARTS, RESTARTS));
  }

  private static String churn(long seed, int deployments, int rounds, int restarts) {
    Random random = new Random(seed);
    long started = System.nanoTime();
    try (PhDeployEnvironment env = PhDeployEnvironment.builder()
        .catalog(ChurnCatalog.catalog())
        .workers(4)
        .controllerClient(config -> config
            .withRequestRetryBackoffLimit(0)
            .withRequestTimeout((int) CLIENT_TIMEOUT.toMillis()))
        // A restart cuts reconciles short, as a killed process would, rather than finishing
        // them; failed reconciles are retried sooner than by default, to keep the test short.
        .controller(controller -> controller
            .drain(Duration.ZERO)
            .retryBackoff(Duration.ofMillis(50), Duration.ofSeconds(1)))
        .start()) {
      WriteFaults faults = new WriteFaults(env.cluster().faults(),
          PhDeployEnvironment.CONTROLLER_USER_AGENT, new Random(random.nextLong()), LATE_BY);
      Churn churn = new Churn(env.deployments(), env.cluster().client(), random, WAIT)
          .interruptAt(moments(random, Churn.steps(deployments, rounds), restarts),
              () -> restart(env));

      Churn.Figures figures = churn.run(deployments, rounds);
      churn.awaitSettled();
      env.awaitIdle(WAIT);
      churn.given().forEach((name, given) -> {
        if (given.deleted()) {
          env.cluster().awaitCollected(env.deployments().namespace(), name, WAIT);
        }
      });

      new ChurnOutcome(env.cluster().client(), env.deployments(), Long.toString(seed))
          .check(churn.given());
      assertThat(figures.interruptions()).isEqualTo(restarts);
      long writes = env.cluster().journal().snapshot()
          .fromUserAgent(PhDeployEnvironment.CONTROLLER_USER_AGENT).writes();
      assertThat(faults.total()).as("faults injected").isPositive();
      return String.format(
          "seed %d: %d deployments, %d changes (%d updates, %d stops, %d starts, %d deletes),"
              + " %d restarts; %d of %d controller writes failed (%d x 500, %d x 409,"
              + " %d timed out); settled in %.1f s",
          seed, figures.deployments(), figures.changes(), figures.updates(), figures.stops(),
          figures.starts(), figures.deletes(), figures.interruptions(), faults.total(), writes,
          faults.errors(), faults.conflicts(), faults.timeouts(),
          (System.nanoTime() - started) / 1e9);
    }
  }

  /**
   * Restarts the controller; a start whose initial lists time out (its client waits briefly,
   * see {@link #CLIENT_TIMEOUT}) fails, and is tried again, as a supervisor restarts a process
   * that exited.
   */
  private static void restart(PhDeployEnvironment env) {
    for (int attempt = 1; ; attempt++) {
      try {
        env.restartController();
        return;
      } catch (IllegalStateException cachesDidNotFill) {
        if (attempt == MAX_START_ATTEMPTS) {
          throw cachesDidNotFill;
        }
      }
    }
  }

  /** Distinct random steps of the churn at which to restart the controller. */
  private static Set<Integer> moments(Random random, int steps, int count) {
    Set<Integer> moments = new HashSet<>();
    while (moments.size() < Math.min(count, steps)) {
      moments.add(random.nextInt(steps));
    }
    return moments;
  }
}
