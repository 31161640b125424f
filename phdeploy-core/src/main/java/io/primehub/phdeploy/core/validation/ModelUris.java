package io.primehub.phdeploy.core.validation;

import java.util.List;
import java.util.Map;
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

  /**
   * The schemes whose location is a path in a volume the init container mounts; those with an
   * authority ({@code <claim>} or {@code <server>}) name it in the first segment.
   */
  private static final Map<String, String> VOLUME_AUTHORITIES =
      Map.of("pvc://", "claim", "nfs://", "server", "phfs://", "");

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
        .or(() -> metacharacter(uri))
        .or(() -> volumeProblem(uri, scheme.get()));
  }

  /**
   * A volume URI must name its claim or server, and its path must stay inside the volume: the
   * controller turns it into a volume and a path, and refuses one it cannot, so this says so when
   * the spec is written rather than when the deployment is built.
   */
  private static Optional<String> volumeProblem(String uri, String scheme) {
    String authority = VOLUME_AUTHORITIES.get(scheme);
    if (authority == null) {
      return Optional.empty();
    }
    List<String> segments = List.of(uri.substring(scheme.length()).split("/", -1));
    if (!authority.isEmpty() && segments.get(0).isEmpty()) {
      return Optional.of("names no " + authority + " after " + scheme + "; write " + scheme + "<"
          + authority + ">/<path>");
    }
    return segments.contains("..")
        ? Optional.of("climbs out of its volume with '..'; give the path inside the volume")
        : Optional.empty();
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
