package io.primehub.phdeploy.k8s.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.apache.commons.codec.digest.Md5Crypt;
import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * Generates client tokens and hashes and verifies them in the crypt(3) formats nginx's basic
 * authentication reads from an htpasswd file: SHA-512 crypt ({@code $6$}) for new hashes, and
 * SHA-256 crypt ({@code $5$}) and Apache MD5 ({@code $apr1$}) for hashes made elsewhere.
 */
public final class ClientTokens {

  private static final int TOKEN_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ClientTokens() {}

  /** A new token: 32 random bytes, URL-safe base64 without padding (43 characters). */
  public static String generate() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A new client with a freshly generated token. */
  public static ClientCredentials newClient(String name) {
    return new ClientCredentials(name, generate());
  }

  /** The SHA-512 crypt hash of a token, with a random salt. */
  public static String hash(String token) {
    return Sha2Crypt.sha512Crypt(token.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether a token matches a stored hash. The comparison takes the same time wherever the two
   * differ, so response times tell an attacker nothing about the hash.
   */
  public static boolean matches(String token, String storedHash) {
    byte[] tokenBytes = token.getBytes(StandardCharsets.UTF_8);
    String recomputed;
    try {
      if (storedHash.startsWith("$6$") || storedHash.startsWith("$5$")) {
        recomputed = storedHash.startsWith("$6$")
            ? Sha2Crypt.sha512Crypt(tokenBytes, storedHash)
            : Sha2Crypt.sha256Crypt(tokenBytes, storedHash);
      } else if (storedHash.startsWith("$apr1$")) {
        recomputed = Md5Crypt.apr1Crypt(tokenBytes, storedHash);
      } else {
        return false;
      }
    } catch (IllegalArgumentException malformedSalt) {
      return false;
    }
    return MessageDigest.isEqual(
        recomputed.getBytes(StandardCharsets.UTF_8), storedHash.getBytes(StandardCharsets.UTF_8));
  }
}
