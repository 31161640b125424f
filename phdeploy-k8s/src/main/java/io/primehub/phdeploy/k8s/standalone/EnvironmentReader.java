package io.primehub.phdeploy.k8s.standalone;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads typed values of {@link Variable}s from an environment and collects every problem, each
 * naming its variable, so that a person fixes all of them at once. Blank values count as unset.
 */
final class EnvironmentReader {

  /** A namespace name: a DNS-1123 label. */
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private final Map<String, String> environment;
  private final List<String> problems = new ArrayList<>();

  EnvironmentReader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** The trimmed value, unless unset or blank. */
  Optional<String> text(Variable variable) {
    String value = environment.get(variable.variableName());
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** {@code true} or {@code false} in any case; empty when unset or not a boolean. */
  Optional<Boolean> flag(Variable variable) {
    return text(variable).flatMap(value -> switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> Optional.of(true);
      case "false" -> Optional.of(false);
      default -> invalid(variable, "must be true or false, got '" + value + "'");
    });
  }

  /** A whole number within {@code [min, max]}, or {@code fallback} when unset or invalid. */
  int integer(Variable variable, int fallback, int min, int max) {
    return text(variable).flatMap(value -> {
      try {
        int number = Integer.parseInt(value);
        if (number >= min && number <= max) {
          return Optional.of(number);
        }
      } catch (NumberFormatException e) {
        // Reported below with the range, which says more than the parser's message.
      }
      return invalid(variable,
          "must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }).orElse(fallback);
  }

  /** An ISO-8601 duration such as {@code PT5M}; empty when unset or invalid. */
  Optional<Duration> duration(Variable variable) {
    return text(variable).flatMap(value -> {
      try {
        return Optional.of(Duration.parse(value));
      } catch (DateTimeParseException e) {
        return invalid(variable,
            "must be an ISO-8601 duration such as PT5M or PT90S, got '" + value + "'");
      }
    });
  }

  /** A namespace name; empty when unset or invalid. */
  Optional<String> namespace(Variable variable) {
    return text(variable).flatMap(value -> NAMESPACE.matcher(value).matches()
        ? Optional.of(value)
        : invalid(variable, "must be a namespace name (lower-case letters, digits and '-', at"
            + " most 63 characters), got '" + value + "'"));
  }

  /** Records a problem of {@code variable}. */
  void problem(Variable variable, String problem) {
    problem(variable.variableName() + " " + problem);
  }

  /** Records a problem whose message names its variables itself. */
  void problem(String problem) {
    problems.add(problem);
  }

  /** Names with the controller's prefix that are no {@link Variable}, in order. */
  List<String> unknownNames() {
    return environment.keySet().stream()
        .filter(name -> name.startsWith(Variable.PREFIX))
        .filter(name -> Variable.named(name).isEmpty())
        .sorted()
        .toList();
  }

  /** Every problem recorded so far. */
  List<String> problems() {
    return List.copyOf(problems);
  }

  private <T> Optional<T> invalid(Variable variable, String problem) {
    problem(variable, problem);
    return Optional.empty();
  }
}
