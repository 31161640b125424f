package io.primehub.phdeploy.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.primehub.phdeploy.core.model.Failure;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The message of an invalid spec stays short enough for a status, a condition and an Event
 * however many rules the spec breaks and however long the offending names are, while the
 * exception keeps every violation.
 */
class InvalidSpecExceptionTest {

  /** What Kubernetes allows a condition's message (metav1.Condition), which carries ours. */
  private static final int CONDITION_MESSAGE_LIMIT = 32768;

  @Test
  void listsTheFirstViolationsAndCountsTheRest() {
    List<Violation> violations = IntStream.range(0, 10_000)
        .mapToObj(i -> new Violation("spec.env[" + i + "].name", "is invalid"))
        .toList();

    InvalidSpecException e = new InvalidSpecException("spam", violations);

    assertThat(e.violations()).hasSize(10_000);
    assertThat(e.getMessage().lines()).hasSize(1 + InvalidSpecException.MAX_LISTED + 1);
    assertThat(e.getMessage())
        .startsWith("invalid PhDeployment \"spam\": 10000 problems\n"
            + "spec.env[0].name: is invalid\n")
        .contains("spec.env[19].name: is invalid\n")
        .doesNotContain("spec.env[20]")
        .endsWith("\n… and 9980 more problems");
  }

  @Test
  void cutsAViolationWhosePathHoldsAHugeKey() {
    Violation huge = new Violation(
        "spec.predictors[0].metadata[\"" + "k".repeat(100_000) + "\"]", "the key is invalid");

    String message = new InvalidSpecException("spam", List.of(huge)).getMessage();

    assertThat(message.lines().skip(1)).singleElement()
        .satisfies(line -> assertThat(line)
            .hasSize(InvalidSpecException.MAX_LINE_LENGTH + 1)
            .startsWith("spec.predictors[0].metadata[\"kkk")
            .endsWith("…"));
  }

  @Test
  void theFailureOfASpecBreakingTenThousandRulesFitsACondition() {
    List<EnvVar> env = IntStream.range(0, 10_000)
        .mapToObj(i -> new EnvVar(i + " invalid name " + "x".repeat(200), "1", null))
        .toList();
    List<Violation> violations =
        SpecValidator.withDefaults().validate(Specs.NAME, Specs.valid().withEnv(env));

    Failure failure = new InvalidSpecException(Specs.NAME, violations).failure();

    assertThat(violations).hasSizeGreaterThan(10_000);
    assertThat(failure.message()).hasSizeLessThan(CONDITION_MESSAGE_LIMIT)
        .contains("spec.env: has 10000 variables", "spec.env[0].name");
  }
}
