package io.primehub.phdeploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The benchmark program at a tiny scale: every measurement runs, and the invariants that hold
 * at any scale hold here.
 */
class BenchSmokeTest {

  private static final BenchSettings TINY = new BenchSettings(3, 5, 32, 2, 2, 1);

  @Test
  void everyMeasurementRunsAndTheControllerMakesOnlyTheUnavoidableRequests() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Results results = new Results();
    BenchMain.run(TINY, results, new PrintStream(printed, true, StandardCharsets.UTF_8));

    // Three creates, Deploying and Deployed, an event for each; on a new image, the template.
    assertWrites(results, "convergence.controller", 7.0);
    assertWrites(results, "update.controller", 5.0);
    assertWrites(results, "convergence.baseline", 5.0);
    assertWrites(results, "update.baseline", 3.0);
    assertThat(results.median("convergence.controller.readsPerDeployment")).isZero();
    assertThat(results.median("update.controller.readsPerDeployment")).isZero();
    assertThat(results.median("restart.controller.writes")).isZero();
    assertThat(results.median("restart.controller.gets")).isZero();
    assertThat(results.values("latency.test.p50.seconds")).hasSize(1);
    assertThat(results.median("memory.controller.fixedBytes")).isPositive();

    ByteArrayOutputStream report = new ByteArrayOutputStream();
    Report.print(TINY, results, new PrintStream(report, true, StandardCharsets.UTF_8));
    assertThat(report.toString(StandardCharsets.UTF_8))
        .contains("1 convergence", "2 restart", "3 memory", "4 update wave", "5 test latency");
  }

  /** The writes per deployment, with the requests by verb and resource should they differ. */
  private static void assertWrites(Results results, String side, double expected) {
    String figure = side + ".writesPerDeployment";
    assertThat(results.median(figure)).as(results.note(figure)).isEqualTo(expected);
  }
}
