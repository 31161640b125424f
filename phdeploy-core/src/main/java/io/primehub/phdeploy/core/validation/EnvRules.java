package io.primehub.phdeploy.core.validation;

import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules of {@code spec.env}, the model container's environment. */
final class EnvRules {

  private static final FieldPath ENV = FieldPath.SPEC.child("env");
  private static final Pattern NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

  private final int maxEnvVars;

  EnvRules(ValidationLimits limits) {
    this.maxEnvVars = limits.maxEnvVars();
  }

  /** Reports every problem of the environment. */
  void check(List<EnvVar> env, Violations out) {
    out.add(ENV, Checks.tooMany(env.size(), maxEnvVars, "variable",
        "remove some, or pass settings in a file of the image instead"));
    for (int i = 0; i < env.size(); i++) {
      EnvVar variable = env.get(i);
      out.add(ENV.index(i).child("name"),
          nameProblem(Objects.requireNonNullElse(variable.getName(), "")));
      String value = variable.getValue();
      if (value != null && !value.isEmpty() && variable.getValueFrom() != null) {
        out.add(ENV.index(i), "sets both value and valueFrom; keep one of them");
      }
    }
    NameRules.requireUnique(
        env.stream().map(EnvVar::getName).toList(), "env", i -> ENV.index(i).child("name"), out);
  }

  private static Optional<String> nameProblem(String name) {
    if (name.isBlank()) {
      return Checks.blank(name, "give the variable a name");
    }
    if (!NAME.matcher(name).matches()) {
      return Optional.of(Texts.quote(name) + " is not a valid environment variable name: use"
          + " letters, digits, '_', '-' and '.', not starting with a digit");
    }
    if (SpecValidator.RESERVED_ENV_NAMES.contains(name)) {
      return Optional.of(Texts.quote(name) + " is set by phdeploy itself for the Seldon engine;"
          + " choose another name");
    }
    return Optional.empty();
  }
}
