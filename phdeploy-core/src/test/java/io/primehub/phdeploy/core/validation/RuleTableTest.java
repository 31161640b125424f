package io.primehub.phdeploy.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of rules: each subclass lists, in static {@code rejected()} and {@code accepted()}
 * methods, changes of a valid spec that break a rule and changes that keep it. A rejected change
 * must yield exactly one violation, at the expected path, so that a rule that fires too widely
 * fails as surely as one that does not fire.
 */
abstract class RuleTableTest {

  private static final SpecValidator VALIDATOR = SpecValidator.withDefaults();

  /** A change that yields one violation, at {@code path}, whose message contains {@code message}. */
  static Arguments reject(
      String label, UnaryOperator<ImmutablePhDeploymentSpec> change, String path, String message) {
    return rejectNamed(label, Specs.NAME, change, path, message);
  }

  /** As {@link #reject}, for a deployment named {@code name}. */
  static Arguments rejectNamed(String label, String name,
      UnaryOperator<ImmutablePhDeploymentSpec> change, String path, String message) {
    return Arguments.of(label, name, change, path, message);
  }

  /** A change of the spec that keeps it valid. */
  static Arguments accept(String label, UnaryOperator<ImmutablePhDeploymentSpec> change) {
    return acceptNamed(label, Specs.NAME, change);
  }

  /** As {@link #accept}, for a deployment named {@code name}, null for one yet to be named. */
  static Arguments acceptNamed(
      String label, String name, UnaryOperator<ImmutablePhDeploymentSpec> change) {
    return Arguments.of(label, name, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void rejects(String label, String name, UnaryOperator<ImmutablePhDeploymentSpec> change,
      String path, String message) {
    assertThat(VALIDATOR.validate(name, change.apply(Specs.valid())))
        .singleElement()
        .satisfies(violation -> {
          assertThat(violation.path()).isEqualTo(path);
          assertThat(violation.message()).contains(message);
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void accepts(String label, String name, UnaryOperator<ImmutablePhDeploymentSpec> change) {
    assertThat(VALIDATOR.validate(name, change.apply(Specs.valid()))).isEmpty();
  }
}
