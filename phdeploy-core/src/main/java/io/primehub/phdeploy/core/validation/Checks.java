package io.primehub.phdeploy.core.validation;

import java.util.Optional;

/**
 * The checks that several rules share: blank values, control characters, whitespace, and caps on
 * lengths and counts. Each answers the problem of a value, if any, so that a field reports its
 * first problem only: a blank name need not also be told it is not a valid name.
 */
final class Checks {

  /** The longest name Kubernetes accepts anywhere, and our cap for ids and names we pass on. */
  static final int MAX_NAME_LENGTH = 253;

  private Checks() {}

  /** A value that is empty or only whitespace; {@code whatToDo} tells the person what to give. */
  static Optional<String> blank(String value, String whatToDo) {
    return value.isBlank() ? Optional.of("is empty; " + whatToDo) : Optional.empty();
  }

  /** A value that holds a control character, such as a line break or a tab. */
  static Optional<String> controlCharacter(String value) {
    return value.codePoints()
        .filter(Character::isISOControl)
        .mapToObj(c -> String.format(
            "contains the control character U+%04X; remove line breaks, tabs and other control"
                + " characters",
            c))
        .findFirst();
  }

  /** A value that holds whitespace, which names that are looked up cannot. */
  static Optional<String> whitespace(String value) {
    return value.codePoints().anyMatch(Character::isWhitespace)
        ? Optional.of(Texts.quote(value) + " contains whitespace; remove it")
        : Optional.empty();
  }

  /** A value longer than {@code maxLength} characters. */
  static Optional<String> tooLong(String value, int maxLength) {
    int length = Texts.length(value);
    return length > maxLength
        ? Optional.of("is " + length + " characters long; shorten it to at most " + maxLength)
        : Optional.empty();
  }

  /**
   * A list or map of {@code count} {@code noun}s where at most {@code max} are allowed;
   * {@code whatToDo} tells the person how to get under the cap.
   */
  static Optional<String> tooMany(int count, int max, String noun, String whatToDo) {
    return count > max
        ? Optional.of("has " + Texts.count(count, noun) + ", more than the " + max + " allowed; "
            + whatToDo)
        : Optional.empty();
  }

  /** A value that does not fit one line of at most {@code maxLength} characters. */
  static Optional<String> line(String value, int maxLength) {
    return controlCharacter(value).or(() -> tooLong(value, maxLength));
  }

  /** A value that is blank or does not fit one line of at most {@code maxLength} characters. */
  static Optional<String> requiredLine(String value, int maxLength, String whatToDo) {
    return blank(value, whatToDo).or(() -> line(value, maxLength));
  }
}
