package io.primehub.phdeploy.core.validation;

import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.model.Failure;
import io.primehub.phdeploy.core.model.FailureReason;
import java.util.List;

/**
 * A spec that cannot be deployed, with every reason. The message reads, for example:
 *
 * <pre>
 * invalid PhDeployment "spam-classifier": 2 problems
 * spec.displayName: is empty; give the deployment a name people will recognise
 * spec.predictors[0].replicas: is -1; give 0 or more replicas
 * </pre>
 *
 * <p>The message lists at most {@value #MAX_LISTED} violations, each cut at
 * {@value #MAX_LINE_LENGTH} characters, and counts the rest: it becomes the deployment's status
 * message, its Ready condition's message and an Event, and a malformed object can break
 * thousands of rules at once (ten thousand env variables with invalid names), whose full list
 * would take the status past what the API server stores. {@link #violations()} holds them all.
 */
public class InvalidSpecException extends RuntimeException {

  /** The most violations the message lists. */
  public static final int MAX_LISTED = 20;

  /** The longest line of a violation in the message, in characters. */
  public static final int MAX_LINE_LENGTH = 512;

  private final List<Violation> violations;
  private final @Nullable String name;

  /**
   * An exception for the deployment {@code name} (null when it is yet to be generated).
   *
   * @param violations the reasons; at least one
   */
  public InvalidSpecException(@Nullable String name, List<Violation> violations) {
    super(message(name, violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an invalid spec has at least one violation");
    }
    this.name = name;
    this.violations = List.copyOf(violations);
  }

  /** Every reason the spec cannot be deployed, at least one. */
  public List<Violation> violations() {
    return violations;
  }

  /** The deployment's name, or null when it was yet to be generated. */
  public @Nullable String name() {
    return name;
  }

  /**
   * The failure to put in the deployment's status, with this exception's message. Its reason is
   * {@link FailureReason#IMAGE_INVALID} when every violation is of a predictor's model image, the
   * more specific reason, which tells a person (and a tool reading {@code status.reason}) that
   * the image reference alone needs fixing; otherwise {@link FailureReason#INVALID_SPEC}.
   */
  public Failure failure() {
    boolean onlyTheImage =
        violations.stream().map(Violation::path).allMatch(PredictorRules::isModelImage);
    return new Failure(
        onlyTheImage ? FailureReason.IMAGE_INVALID : FailureReason.INVALID_SPEC, getMessage());
  }

  private static String message(@Nullable String name, List<Violation> violations) {
    StringBuilder message = new StringBuilder("invalid PhDeployment");
    if (name != null) {
      message.append(' ').append(Texts.quote(name));
    }
    message.append(": ").append(Texts.count(violations.size(), "problem"));
    violations.stream().limit(MAX_LISTED).forEach(violation ->
        message.append('\n').append(Texts.cut(violation.toString(), MAX_LINE_LENGTH)));
    if (violations.size() > MAX_LISTED) {
      message.append("\n… and ").append(Texts.count(violations.size() - MAX_LISTED, "more problem"));
    }
    return message.toString();
  }
}
