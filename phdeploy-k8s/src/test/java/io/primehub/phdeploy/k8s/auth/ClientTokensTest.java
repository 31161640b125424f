package io.primehub.phdeploy.k8s.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.codec.digest.Md5Crypt;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.junit.jupiter.api.Test;

class ClientTokensTest {

  @Test
  void tokensAreLongRandomAndUrlSafe() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      tokens.add(ClientTokens.generate());
    }

    assertThat(tokens).hasSize(100);
    assertThat(tokens).allSatisfy(t -> assertThat(t).hasSize(43).matches("[A-Za-z0-9_-]+"));
  }

  @Test
  void aHashIsSha512CryptWithoutThePlaintextAndVerifiesOnlyItsToken() {
    String token = ClientTokens.generate();
    String hash = ClientTokens.hash(token);

    assertThat(hash).matches("\\$6\\$[./0-9A-Za-z]{1,16}\\$[./0-9A-Za-z]{86}").doesNotContain(token);
    assertThat(ClientTokens.hash(token)).as("salted").isNotEqualTo(hash);
    assertThat(ClientTokens.matches(token, hash)).isTrue();
    assertThat(ClientTokens.matches(token + "x", hash)).isFalse();
    assertThat(ClientTokens.matches("", hash)).isFalse();
  }

  @Test
  void hashesMadeElsewhereInOtherNginxFormatsVerify() {
    // commons-codec zeroes the key array it hashes, so each hash gets fresh bytes.
    assertThat(ClientTokens.matches("s3cret", Sha2Crypt.sha256Crypt(bytes("s3cret")))).isTrue();
    assertThat(ClientTokens.matches("s3cret", Md5Crypt.apr1Crypt(bytes("s3cret")))).isTrue();
    assertThat(ClientTokens.matches("wrong", Md5Crypt.apr1Crypt(bytes("s3cret")))).isFalse();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aStoredValueThatIsNoSupportedHashNeverMatches() {
    assertThat(ClientTokens.matches("s3cret", "s3cret")).isFalse();
    assertThat(ClientTokens.matches("s3cret", "$1$abc$xyz")).isFalse();
    assertThat(ClientTokens.matches("s3cret", "$6$")).isFalse();
  }

  @Test
  void newCredentialsHideTheirTokenAndStoreOnlyTheHash() {
    ClientCredentials credentials = ClientTokens.newClient("scoring-service");

    assertThat(credentials.toString()).contains("scoring-service").doesNotContain(credentials.token());
    var client = credentials.toEndpointClient();
    assertThat(client.name()).isEqualTo("scoring-service");
    assertThat(client.token()).startsWith("$6$").doesNotContain(credentials.token());
    assertThat(ClientTokens.matches(credentials.token(), client.token())).isTrue();
  }
}
