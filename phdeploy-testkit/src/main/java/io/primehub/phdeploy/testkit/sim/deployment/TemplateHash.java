package io.primehub.phdeploy.testkit.sim.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.nio.charset.StandardCharsets;

/**
 * The {@code pod-template-hash} of a pod template: equal templates hash alike, and a changed
 * template starts a rollout. Computed like Kubernetes' (32-bit FNV-1a, encoded in its safe
 * alphabet), over the template's JSON with sorted keys.
 */
final class TemplateHash {

  /** The label that tells which template a pod was made from. */
  static final String LABEL = "pod-template-hash";

  private static final String SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final ObjectMapper SORTED =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private static final int FNV_OFFSET = 0x811c9dc5;
  private static final int FNV_PRIME = 0x01000193;

  private TemplateHash() {}

  static String of(PodTemplateSpec template) {
    byte[] json;
    try {
      json = SORTED.writeValueAsBytes(template);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a pod template always serializes", e);
    }
    int hash = FNV_OFFSET;
    for (byte b : json) {
      hash ^= b & 0xff;
      hash *= FNV_PRIME;
    }
    return safeEncode(Integer.toUnsignedString(hash));
  }

  /** Kubernetes' {@code rand.SafeEncodeString}: no vowels, no look-alike characters. */
  static String safeEncode(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
      encoded.append(SAFE_ALPHABET.charAt(b % SAFE_ALPHABET.length()));
    }
    return encoded.toString();
  }
}
