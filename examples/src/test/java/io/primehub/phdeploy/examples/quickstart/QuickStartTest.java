package io.primehub.phdeploy.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import io.primehub.phdeploy.examples.model.SpamModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's first command, run as a test: the journey, its narration and its exit codes. */
class QuickStartTest {

  @Test
  void theJourneyRunsEveryStepOnTheInMemoryClusterAndExitsZero() {
    Run run = run();

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("[1/8]", "[8/8]", "Admin: enable model deployment for group \"phusers\"")
        .contains("Deploying", "Deployed after", "Stopping", "Stopped after")
        .contains("curl -s -X POST 'http://localhost:")
        .contains("history, newest first (2 records):", "retrained on May data")
        .contains("POST /deployment/spam-classifier-abcxy/api/v1.0/predictions 200")
        .contains("Done in");
    assertThat(spamProbabilities(run.output(), "WIN a FREE prize now, click here"))
        .allSatisfy(p -> assertThat(p).isGreaterThan(0.9));
    assertThat(spamProbabilities(run.output(), "are we still meeting for lunch tomorrow?"))
        .allSatisfy(p -> assertThat(p).isLessThan(0.1));
    assertThat(requestsPerReplica(run.output())).containsExactly(10, 10, 10);
  }

  @Test
  void onAnotherClusterThroughItsKubeconfigTheSameJourneyRuns() {
    try (PhDeployEnvironment cluster = PhDeployEnvironment.start()) {
      cluster.models().serve("sandhya1594/spam-classifier:1.0.0.1", SpamModels.version1());
      cluster.models().serve("sandhya1594/spam-classifier:1.0.0.2", SpamModels.version2());

      Run run = run("--kubeconfig", cluster.cluster().kubeconfig().toString());

      assertThat(run.code()).as(run.output()).isZero();
      assertThat(run.output()).contains("on the cluster of", "Stopped after")
          .contains("the ingress of a real cluster does not report requests per replica");
    }
  }

  @Test
  void aStepThatFailsEndsTheRunWithItsReasonAndExitCodeOne() {
    Run run = run("--image", "Registry.Example/Spam:1");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.output()).contains("FAILED: invalid PhDeployment")
        .contains("spec.predictors[0].modelImage").doesNotContain("Done in");
  }

  @Test
  void anUnknownOptionShowsTheUsageAndExitCodeTwo() {
    Run run = run("--fast");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.output()).contains("unknown option --fast", "usage: QuickStart");
  }

  private static Run run(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = QuickStart.run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return new Run(code, bytes.toString(StandardCharsets.UTF_8));
  }

  private static List<Double> spamProbabilities(String output, String message) {
    Matcher matcher = Pattern.compile(Pattern.quote('"' + message + '"')
        + "\\s+spam probability ([0-9.]+)").matcher(output);
    List<Double> probabilities = matcher.results()
        .map(result -> Double.parseDouble(result.group(1))).toList();
    assertThat(probabilities).as("predictions of " + message).hasSize(2);
    return probabilities;
  }

  private static List<Integer> requestsPerReplica(String output) {
    return Pattern.compile("(\\d+) of the 30 requests").matcher(output).results()
        .map(result -> Integer.parseInt(result.group(1))).toList();
  }

  private record Run(int code, String output) {}
}
