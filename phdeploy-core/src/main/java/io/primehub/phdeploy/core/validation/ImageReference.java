package io.primehub.phdeploy.core.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The grammar of container image references, as the distribution/reference library defines it
 * and container runtimes apply it:
 *
 * <pre>
 * reference := name [ ":" tag ] [ "@" digest ]
 * name      := [ domain "/" ] path-component { "/" path-component }
 * domain    := host [ ":" port ]
 * </pre>
 *
 * <p>A reference that breaks it is refused before a pod ever tries to pull it, with a message
 * that says which part is wrong. Unlike the runtimes, a first component with uppercase letters
 * is not taken for a registry host: a user who writes {@code MyName/model} means a repository,
 * and "must be lowercase" helps where "cannot resolve host MyName" would not.
 */
final class ImageReference {

  /** The longest reference accepted. */
  static final int MAX_LENGTH = 255;

  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final Pattern DOMAIN = Pattern.compile(
      "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|\\[[0-9a-fA-F:.]+\\])"
          + "(?::[0-9]+)?");
  private static final Pattern PATH_COMPONENT =
      Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST =
      Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
  private static final String EXAMPLE = "for example registry.example/team/model:1.0";

  private ImageReference() {}

  /** The first problem of an image reference, if it has one. */
  static Optional<String> problem(String reference) {
    return Checks.blank(reference, "give the image that serves the model, " + EXAMPLE)
        .or(() -> Checks.tooLong(reference, MAX_LENGTH))
        .or(() -> Checks.whitespace(reference))
        .or(() -> structure(reference));
  }

  private static Optional<String> structure(String reference) {
    int at = reference.indexOf('@');
    String nameAndTag = at < 0 ? reference : reference.substring(0, at);
    if (at >= 0 && !DIGEST.matcher(reference.substring(at + 1)).matches()) {
      return Optional.of("the digest after '@' must be algorithm:hex with at least 32 hex digits,"
          + " for example sha256:<64 hex digits>");
    }
    int colon = nameAndTag.lastIndexOf(':');
    boolean tagged = colon > nameAndTag.lastIndexOf('/');
    String name = tagged ? nameAndTag.substring(0, colon) : nameAndTag;
    if (tagged && !TAG.matcher(nameAndTag.substring(colon + 1)).matches()) {
      return Optional.of("the tag after ':' must be 1 to 128 letters, digits, '_', '.' or '-',"
          + " not starting with '.' or '-', " + EXAMPLE);
    }
    return name(name);
  }

  private static Optional<String> name(String name) {
    String[] components = name.split("/", -1);
    int first = 0;
    if (components.length > 1 && isDomain(components[0])) {
      if (!DOMAIN.matcher(components[0]).matches()) {
        return Optional.of("the registry " + Texts.quote(components[0])
            + " is not a valid host name with an optional :port");
      }
      first = 1;
    }
    for (int i = first; i < components.length; i++) {
      Optional<String> problem = pathComponent(components[i]);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /** Whether the first component names a registry rather than a repository, as runtimes decide. */
  private static boolean isDomain(String component) {
    return component.contains(".") || component.contains(":") || component.startsWith("[")
        || component.equals("localhost");
  }

  private static Optional<String> pathComponent(String component) {
    if (component.isEmpty()) {
      return Optional.of("the repository has an empty path component; remove the doubled,"
          + " leading or trailing '/'");
    }
    if (PATH_COMPONENT.matcher(component).matches()) {
      return Optional.empty();
    }
    String lower = component.toLowerCase(Locale.ROOT);
    if (!lower.equals(component) && PATH_COMPONENT.matcher(lower).matches()) {
      return Optional.of("repository names must be lowercase: write " + Texts.quote(lower)
          + " instead of " + Texts.quote(component));
    }
    return Optional.of("the repository component " + Texts.quote(component) + " is invalid: use"
        + " lowercase letters and digits, separated by '.', '_', '__' or '-'");
  }
}
