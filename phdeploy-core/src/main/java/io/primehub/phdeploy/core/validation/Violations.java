package io.primehub.phdeploy.core.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the violations of one validation, in the order the rules found them. */
final class Violations {

  private final List<Violation> found = new ArrayList<>();

  /** Records a violation of the field at {@code path}. */
  void add(FieldPath path, String message) {
    found.add(new Violation(path.text(), message));
  }

  /** Records the problem, if any, of the field at {@code path}. */
  void add(FieldPath path, Optional<String> problem) {
    problem.ifPresent(message -> add(path, message));
  }

  /** What was found so far. */
  List<Violation> toList() {
    return List.copyOf(found);
  }
}
