package io.primehub.phdeploy.core.validation;

/** Renders values inside messages and paths so that a message is always one readable line. */
final class Texts {

  /** Values longer than this are cut in messages: a message names a value, it does not hold it. */
  static final int MAX_QUOTED_LENGTH = 64;

  private Texts() {}

  /** The value in double quotes, escaped, and cut when long. */
  static String quote(String value) {
    int length = length(value);
    if (length <= MAX_QUOTED_LENGTH) {
      return '"' + escape(value) + '"';
    }
    return '"' + escape(start(value, MAX_QUOTED_LENGTH)) + "…\" (" + length + " characters)";
  }

  /** The value, or its first {@code maxLength} characters and an ellipsis when it is longer. */
  static String cut(String value, int maxLength) {
    return length(value) <= maxLength ? value : start(value, maxLength) + "…";
  }

  /** The first {@code count} characters, cut between characters, never inside a surrogate pair. */
  private static String start(String value, int count) {
    return value.substring(0, value.offsetByCodePoints(0, count));
  }

  /** The value with quotes, backslashes and control characters escaped as in JSON. */
  static String escape(String value) {
    StringBuilder escaped = new StringBuilder(value.length());
    value.chars().forEach(c -> {
      switch (c) {
        case '"' -> escaped.append("\\\"");
        case '\\' -> escaped.append("\\\\");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        default -> escaped.append(
            Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c));
      }
    });
    return escaped.toString();
  }

  /** The length a person counts: characters, not UTF-16 units. */
  static int length(String value) {
    return value.codePointCount(0, value.length());
  }

  /** {@code 1 problem}, {@code 3 problems}. */
  static String count(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
