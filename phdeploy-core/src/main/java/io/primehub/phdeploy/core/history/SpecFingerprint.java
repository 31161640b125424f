package io.primehub.phdeploy.core.history;

import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.WireJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a spec as it is stored: the hex SHA-256 of its canonical JSON
 * ({@link WireJson#bytes}, map keys sorted). The controller keeps this fingerprint of the last
 * recorded spec instead of the history itself, so that its cache stays small.
 *
 * <p>Two specs have the same fingerprint exactly when they write the same JSON. That agrees
 * with {@link PhDeploymentSpec#equals} (map order never matters, list order always does), with
 * one deliberate exception: an optional text set to the empty string is written like an absent
 * one, so the two share a fingerprint although {@code equals} tells them apart. After a round
 * trip through the API server they are the same spec, so the fingerprint is the comparison that
 * decides history.
 */
public final class SpecFingerprint {

  private SpecFingerprint() {}

  /** The fingerprint of a spec: 64 lowercase hex digits. */
  public static String of(PhDeploymentSpec spec) {
    return HexFormat.of().formatHex(sha256().digest(WireJson.bytes(spec)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
