package io.primehub.phdeploy.k8s.standalone;

import java.util.List;

/** The environment holds settings the controller cannot start with; each problem names its variable. */
public final class InvalidSettingsException extends StartupFailure {

  private final List<String> problems;

  /** An exception listing {@code problems}, which must not be empty. */
  public InvalidSettingsException(List<String> problems) {
    super(BAD_SETTINGS, "The phdeploy controller cannot start with these settings:\n  - "
        + String.join("\n  - ", problems)
        + "\nThe README's section 'Running the controller on a cluster' lists every setting.");
    this.problems = List.copyOf(problems);
  }

  /** Every problem, one per wrong setting, each naming its variable. */
  public List<String> problems() {
    return problems;
  }
}
