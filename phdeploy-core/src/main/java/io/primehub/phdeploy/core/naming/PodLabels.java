package io.primehub.phdeploy.core.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The labels on a deployment's pods. PrimeHub lists a deployment's replicas by {@value #APP}
 * and {@value #DEPLOYMENT}, and sums a group's usage by {@value #GROUP}.
 */
public final class PodLabels {

  /** The label every PrimeHub group workload carries. */
  public static final String APP = "app";

  /** The value of {@value #APP} on model deployment pods. */
  public static final String APP_VALUE = "primehub-group";

  /** The label that names the deployment a pod serves. */
  public static final String DEPLOYMENT = "primehub.io/phdeployment";

  /** The label that names, escaped, the group whose quota a pod consumes. */
  public static final String GROUP = "primehub.io/group";

  private static final int MAX_VALUE_LENGTH = 63;
  private static final int HASH_LENGTH = 8;
  private static final Pattern VALID_VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");
  private static final Pattern INVALID_CHARS = Pattern.compile("[^A-Za-z0-9_.-]+");
  private static final Pattern INVALID_ENDS = Pattern.compile("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$");

  private PodLabels() {}

  /** The labels of a deployment's pods. */
  public static Map<String, String> of(String deploymentName, String groupName) {
    return Map.of(
        APP, APP_VALUE, DEPLOYMENT, deploymentName, GROUP, escapeGroup(groupName));
  }

  /** The labels that select a deployment's pods: its Service selector. */
  public static Map<String, String> selector(String deploymentName) {
    return Map.of(APP, APP_VALUE, DEPLOYMENT, deploymentName);
  }

  /**
   * Escapes a group name into a valid label value, deterministically. A name that already is a
   * valid label value is kept as it is. Any other name is sanitised (runs of invalid characters
   * become {@code -}, the ends trimmed to alphanumerics, the length cut) and suffixed with
   * {@code -} and eight hex digits of its SHA-256, so that two different names that sanitise
   * alike still get different values.
   */
  public static String escapeGroup(String groupName) {
    if (groupName.length() <= MAX_VALUE_LENGTH && VALID_VALUE.matcher(groupName).matches()) {
      return groupName;
    }
    String sanitised =
        INVALID_ENDS.matcher(INVALID_CHARS.matcher(groupName).replaceAll("-")).replaceAll("");
    int room = MAX_VALUE_LENGTH - HASH_LENGTH - 1;
    if (sanitised.length() > room) {
      sanitised = INVALID_ENDS.matcher(sanitised.substring(0, room)).replaceAll("");
    }
    String hash = sha256Hex(groupName).substring(0, HASH_LENGTH);
    return sanitised.isEmpty() ? hash : sanitised + "-" + hash;
  }

  private static String sha256Hex(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).toLowerCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
