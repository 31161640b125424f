package io.primehub.phdeploy.k8s.desired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.primehub.phdeploy.core.model.WireJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fingerprint of an owned object as phdeploy built it: the hex SHA-256 of its canonical JSON
 * (keys sorted), computed without its own {@value #ANNOTATION} annotation. The controller
 * compares the fingerprint of the desired object with the annotation of the observed one rather
 * than the objects themselves, because the API server fills in defaults that phdeploy never set.
 */
public final class DesiredHash {

  /** The annotation every owned object carries its fingerprint in. */
  public static final String ANNOTATION = "primehub.io/desired-hash";

  /**
   * The annotation a Deployment carries its pod template's fingerprint in, which tells a
   * rolling update (new pods, with a surge) from a scale (more or fewer of the same pods).
   */
  public static final String TEMPLATE_ANNOTATION = "primehub.io/template-hash";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private DesiredHash() {}

  /** The fingerprint of an object; its own {@value #ANNOTATION} annotation does not count. */
  public static String of(HasMetadata resource) {
    JsonNode tree = SERIALIZATION.convertValue(resource, JsonNode.class);
    if (tree.get("metadata") instanceof ObjectNode metadata
        && metadata.get("annotations") instanceof ObjectNode annotations) {
      annotations.remove(ANNOTATION);
      if (annotations.isEmpty()) {
        metadata.remove("annotations");
      }
    }
    return sha256Hex(WireJson.bytes(WireJson.mapper().convertValue(tree, Object.class)));
  }

  /** The fingerprint of a pod template. */
  public static String ofTemplate(PodTemplateSpec template) {
    return sha256Hex(WireJson.bytes(SERIALIZATION.convertValue(template, Object.class)));
  }

  /** The fingerprint an object carries in {@code annotation}, or {@code null}. */
  public static String carried(HasMetadata resource, String annotation) {
    if (resource == null || resource.getMetadata().getAnnotations() == null) {
      return null;
    }
    return resource.getMetadata().getAnnotations().get(annotation);
  }

  /** A copy of a Deployment annotated with its pod template's fingerprint. */
  public static Deployment stampTemplate(Deployment deployment) {
    Deployment copy = SERIALIZATION.clone(deployment);
    Map<String, String> annotations = new LinkedHashMap<>();
    if (copy.getMetadata().getAnnotations() != null) {
      annotations.putAll(copy.getMetadata().getAnnotations());
    }
    annotations.put(TEMPLATE_ANNOTATION, ofTemplate(copy.getSpec().getTemplate()));
    copy.getMetadata().setAnnotations(annotations);
    return copy;
  }

  /** A copy of an object annotated with its fingerprint; the object itself is left unchanged. */
  public static <T extends HasMetadata> T stamp(T resource) {
    T copy = SERIALIZATION.clone(resource);
    Map<String, String> annotations = new LinkedHashMap<>();
    if (copy.getMetadata().getAnnotations() != null) {
      annotations.putAll(copy.getMetadata().getAnnotations());
    }
    annotations.put(ANNOTATION, of(resource));
    copy.getMetadata().setAnnotations(annotations);
    return copy;
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
