package io.primehub.phdeploy.testkit.sim.kubelet;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Image references as the kubelet reads them, with the distribution library's
 * {@code ParseNormalizedNamed}: which ones it refuses and why, and their fully qualified form.
 */
final class ImageReferences {

  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN =
      DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
  private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final String NAME =
      "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST =
      "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
  private static final Pattern REFERENCE =
      Pattern.compile(NAME + "(?::" + TAG + ")?(?:@" + DIGEST + ")?");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-f0-9]{64}");
  private static final String DEFAULT_DOMAIN = "docker.io";

  private ImageReferences() {}

  /**
   * Why the kubelet refuses this reference, in its words, or empty if it accepts it: for example
   * {@code Failed to apply default image tag "MyModel": couldn't parse image reference "MyModel":
   * invalid reference format: repository name (MyModel) must be lowercase}.
   */
  static Optional<String> problem(String image) {
    return parseError(image).map(error -> "Failed to apply default image tag \"" + image
        + "\": couldn't parse image reference \"" + image + "\": " + error);
  }

  /** The reference with its registry and tag filled in: {@code docker.io/library/nginx:latest}. */
  static String qualified(String image) {
    String[] split = splitDomain(image);
    String remainder = split[1];
    boolean tagged = remainder.contains(":") || remainder.contains("@");
    return split[0] + "/" + remainder + (tagged ? "" : ":latest");
  }

  private static Optional<String> parseError(String image) {
    if (IDENTIFIER.matcher(image).matches()) {
      return Optional.of("invalid repository name (" + image
          + "), cannot specify 64-byte hexadecimal strings");
    }
    String[] split = splitDomain(image);
    String remainder = split[1];
    int tag = remainder.indexOf(':');
    String repository = tag < 0 ? remainder : remainder.substring(0, tag);
    if (!repository.toLowerCase(Locale.ROOT).equals(repository)) {
      return Optional.of(
          "invalid reference format: repository name (" + repository + ") must be lowercase");
    }
    return REFERENCE.matcher(split[0] + "/" + remainder).matches()
        ? Optional.empty()
        : Optional.of("invalid reference format");
  }

  /** The registry and the rest, as {@code splitDockerDomain} tells them apart. */
  private static String[] splitDomain(String image) {
    int slash = image.indexOf('/');
    String first = slash < 0 ? "" : image.substring(0, slash);
    boolean hasDomain = slash >= 0
        && (first.contains(".") || first.contains(":") || first.equals("localhost")
            || !first.toLowerCase(Locale.ROOT).equals(first));
    if (hasDomain) {
      return new String[] {first, image.substring(slash + 1)};
    }
    return new String[] {DEFAULT_DOMAIN, slash < 0 ? "library/" + image : image};
  }
}
