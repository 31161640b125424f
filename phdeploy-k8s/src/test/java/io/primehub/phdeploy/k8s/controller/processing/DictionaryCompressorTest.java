package io.primehub.phdeploy.k8s.controller.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Documents come back as they were given, whatever they share with the first one, and a
 * document like the first costs a fraction of its bytes.
 */
class DictionaryCompressorTest {

  private final DictionaryCompressor compressor = new DictionaryCompressor();

  @Test
  void aDocumentLikeTheFirstCostsAFractionOfItsBytes() {
    byte[] first = service("deploy-a", "0f6c2a1e-3b1d-4f0e-9a53-5d2b8f1c7e90", "41");
    byte[] second = service("deploy-b", "8d1e77b0-52c4-4bb9-8e0f-0c1a9e6d2f13", "42");

    compressor.compress(first);
    byte[] compressed = compressor.compress(second);

    assertThat(compressed.length).isLessThan(second.length / 4);
    assertThat(compressor.decompress(compressed)).isEqualTo(second);
  }

  @Test
  void documentsUnlikeTheFirstEmptyOrLargerThanTheWindowComeBackWhole() {
    byte[] first = service("deploy-a", "0f6c2a1e-3b1d-4f0e-9a53-5d2b8f1c7e90", "41");
    byte[] unlike = "[1,2,3,\"nothing alike\"]".getBytes(StandardCharsets.UTF_8);
    byte[] empty = new byte[0];
    byte[] large = "{\"data\":\"%s\"}".formatted("0123456789abcdef".repeat(8192))
        .getBytes(StandardCharsets.UTF_8);

    byte[][] compressed = {compressor.compress(first), compressor.compress(unlike),
        compressor.compress(empty), compressor.compress(large)};

    assertThat(compressor.decompress(compressed[0])).isEqualTo(first);
    assertThat(compressor.decompress(compressed[1])).isEqualTo(unlike);
    assertThat(compressor.decompress(compressed[2])).isEqualTo(empty);
    assertThat(compressor.decompress(compressed[3])).isEqualTo(large);
  }

  private static byte[] service(String name, String uid, String version) {
    return ("{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"annotations\":"
        + "{\"phdeploy.primehub.io/desired-hash\":\"9f2c41d07b\"},\"labels\":{\"app\":"
        + "\"primehub-deployment\",\"primehub.io/group\":\"phusers\",\"primehub.io/phdeployment\":"
        + "\"%1$s\"},\"name\":\"%1$s\",\"namespace\":\"hub\",\"ownerReferences\":[{\"apiVersion\":"
        + "\"primehub.io/v1alpha1\",\"blockOwnerDeletion\":true,\"controller\":true,\"kind\":"
        + "\"PhDeployment\",\"name\":\"%1$s\",\"uid\":\"%2$s\"}],\"resourceVersion\":\"%3$s\","
        + "\"uid\":\"%2$s\"}}").formatted(name, uid, version).getBytes(StandardCharsets.UTF_8);
  }
}
