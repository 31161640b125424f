package io.primehub.phdeploy.core.naming;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Generates the name of a new deployment from its display name, as PrimeHub does: the display
 * name normalised to a DNS-1123 label, then {@code -} and five random lowercase letters or
 * digits, for example {@code spam-classifier-abcxy}.
 */
public final class DeploymentIds {

  /** The length of the random suffix. */
  public static final int SUFFIX_LENGTH = 5;

  /** The stem used when a display name has no letter or digit to keep. */
  public static final String FALLBACK_STEM = "deployment";

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int MAX_STEM_LENGTH =
      OwnedNames.MAX_DEPLOYMENT_NAME_LENGTH - SUFFIX_LENGTH - 1;
  private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
  private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
  private static final Pattern DASHES_AT_ENDS = Pattern.compile("^-+|-+$");
  private static final RandomGenerator DEFAULT_RANDOM = new SecureRandom();

  private DeploymentIds() {}

  /** A new id for a deployment with this display name. */
  public static String generate(String displayName) {
    return generate(displayName, DEFAULT_RANDOM);
  }

  /** A new id for a deployment with this display name, drawing the suffix from {@code random}. */
  public static String generate(String displayName, RandomGenerator random) {
    StringBuilder id = new StringBuilder(stem(displayName)).append('-');
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  /**
   * The display name normalised: accents removed, lowercase, every run of other characters
   * turned into one {@code -}, trimmed, and cut so that the whole id fits its owned names.
   */
  public static String stem(String displayName) {
    String ascii = DIACRITICS.matcher(Normalizer.normalize(displayName, Normalizer.Form.NFD))
        .replaceAll("");
    String stem = NON_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
    stem = DASHES_AT_ENDS.matcher(stem).replaceAll("");
    if (stem.length() > MAX_STEM_LENGTH) {
      stem = DASHES_AT_ENDS.matcher(stem.substring(0, MAX_STEM_LENGTH)).replaceAll("");
    }
    return stem.isEmpty() ? FALLBACK_STEM : stem;
  }
}
