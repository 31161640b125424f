package io.primehub.phdeploy.core.validation;

import static io.primehub.phdeploy.core.validation.Specs.env;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The rules of {@code spec.env}. */
class EnvRulesTest extends RuleTableTest {

  private static final EnvVarSource FROM_SECRET = new EnvVarSource(
      null, null, null, null, new SecretKeySelector("token", "model-secrets", false));

  static Stream<Arguments> rejected() {
    Stream<Arguments> rules = Stream.of(
        reject("too many variables", s -> s.withEnv(Specs.envVars(65)), "spec.env",
            "has 65 variables, more than the 64 allowed"),
        reject("empty name", env(new EnvVar("", "1", null)), "spec.env[0].name",
            "is empty; give the variable a name"),
        reject("no name", env(new EnvVar(null, "1", null)), "spec.env[0].name", "is empty"),
        reject("name starting with a digit", env(new EnvVar("1X", "1", null)),
            "spec.env[0].name", "\"1X\" is not a valid environment variable name"),
        reject("name with a space", env(new EnvVar("MY VAR", "1", null)), "spec.env[0].name",
            "is not a valid environment variable name"),
        reject("duplicate names", env(new EnvVar("A", "1", null), new EnvVar("B", "2", null),
                new EnvVar("A", "3", null)), "spec.env[2].name",
            "\"A\" is used by both env[0] and env[2]"),
        reject("value and valueFrom", env(new EnvVar("TOKEN", "x", FROM_SECRET)), "spec.env[0]",
            "sets both value and valueFrom"));
    Stream<Arguments> reserved = SpecValidator.RESERVED_ENV_NAMES.stream()
        .map(name -> reject("reserved " + name, env(new EnvVar(name, "1", null)),
            "spec.env[0].name", "\"" + name + "\" is set by phdeploy itself"));
    return Stream.concat(rules, reserved);
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        accept("64 variables", s -> s.withEnv(Specs.envVars(64))),
        accept("names with dots, dashes and underscores",
            env(new EnvVar("my.var-1", "1", null), new EnvVar("_X", "2", null))),
        accept("valueFrom only", env(new EnvVar("TOKEN", null, FROM_SECRET))),
        accept("empty value with valueFrom", env(new EnvVar("TOKEN", "", FROM_SECRET))),
        accept("a name like a reserved one", env(new EnvVar("PREDICTOR_IDS", "1", null))));
  }
}
