package io.primehub.phdeploy.core.validation;

import java.util.List;
import java.util.Optional;

/**
 * The rule of {@code modelURI}: a location the storage initializer can copy the model from. The
 * URI becomes an argument of an init container; refusing shell metacharacters is defence in
 * depth, should any image ever pass it through a shell. Messages never quote the URI, because it
 * may carry a credential ({@code https://user:password@host/...}).
 */
final class ModelUris {

  /** The schemes the storage initializer understands, each followed by the location. */
  static final List<String> SCHEMES =
      List.of("gs://", "s3://", "http://", "https://", "pvc://", "nfs://", "phfs://", "models:/");

  private static final String SHELL_METACHARACTERS = "`\"'\\$;|&<>";

  private ModelUris() {}

  /** The first problem of a model URI, if it has one. */
  static Optional<String> problem(String uri) {
    Optional<String> scheme = SCHEMES.stream().filter(uri::startsWith).findFirst();
    if (scheme.isEmpty()) {
      return Optional.of("is not a supported model URI; start it with one of "
          + String.join(", ", SCHEMES));
    }
    if (uri.length() == scheme.get().length()) {
      return Optional.of("names no location after " + scheme.get()
          + "; give where the model files are, for example " + scheme.get() + "bucket/model");
    }
    return Checks.controlCharacter(uri)
        .or(() -> whitespace(uri))
        .or(() -> metacharacter(uri));
  }

  private static Optional<String> whitespace(String uri) {
    return uri.codePoints().anyMatch(Character::isWhitespace)
        ? Optional.of("contains whitespace; percent-encode it, a space as %20")
        : Optional.empty();
  }

  private static Optional<String> metacharacter(String uri) {
    return uri.chars()
        .filter(c -> SHELL_METACHARACTERS.indexOf(c) >= 0)
        .mapToObj(c -> "contains the character " + (char) c + ", which model URIs may not hold"
            + " (none of " + String.join(" ", SHELL_METACHARACTERS.split("")) + "); encode it"
            + " or move the model to a location without it")
        .findFirst();
  }
}
