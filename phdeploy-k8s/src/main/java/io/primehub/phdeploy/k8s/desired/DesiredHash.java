package io.primehub.phdeploy.k8s.desired;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.primehub.phdeploy.core.model.WireJson;
import io.primehub.phdeploy.k8s.resource.KubernetesJson;
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
   * The annotation a pod template, and so each of its pods, carries the template's fingerprint
   * in. It tells a rolling update (new pods, with a surge) from a scale (more or fewer of the
   * same pods), and a pod of the current template from one being replaced.
   */
  public static final String TEMPLATE_ANNOTATION = "primehub.io/template-hash";

  /**
   * Writes a tree as {@link WireJson#bytes} writes the same values as maps: keys sorted, as
   * fingerprints have been computed since the first release; they must not change.
   */
  private static final ObjectWriter CANONICAL =
      WireJson.mapper().writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);

  private DesiredHash() {}

  /** The fingerprint of an object; its own {@value #ANNOTATION} annotation does not count. */
  public static String of(HasMetadata resource) {
    return fingerprint(tree(resource), ANNOTATION);
  }

  /** The fingerprint of a pod template; its own {@value #TEMPLATE_ANNOTATION} does not count. */
  public static String ofTemplate(PodTemplateSpec template) {
    return fingerprint(tree(template), TEMPLATE_ANNOTATION);
  }

  /** The template fingerprint a Deployment's pod template or a pod carries, or {@code null}. */
  public static String templateOf(Deployment deployment) {
    return deployment == null
        ? null
        : carried(deployment.getSpec().getTemplate().getMetadata(), TEMPLATE_ANNOTATION);
  }

  /** The fingerprint an object carries in {@code annotation}, or {@code null}. */
  public static String carried(HasMetadata resource, String annotation) {
    return resource == null ? null : carried(resource.getMetadata(), annotation);
  }

  /** A copy of a Deployment whose pod template is annotated with its fingerprint. */
  public static Deployment stampTemplate(Deployment deployment) {
    ObjectNode tree = tree(deployment);
    String template = fingerprint(templateTree(tree), TEMPLATE_ANNOTATION);
    return withTemplateFingerprint(copyOf(tree, deployment), deployment, template);
  }

  /**
   * A copy of a Deployment as {@code stamp(stampTemplate(deployment))} makes it, its pod template
   * and itself annotated with their fingerprints, from one tree of it instead of two.
   */
  public static Deployment stampWithTemplate(Deployment deployment) {
    ObjectNode tree = tree(deployment);
    ObjectNode templateTree = templateTree(tree);
    String template = fingerprint(templateTree, TEMPLATE_ANNOTATION);
    templateTree.withObjectProperty("metadata").withObjectProperty("annotations")
        .put(TEMPLATE_ANNOTATION, template);
    String fingerprint = fingerprint(tree, ANNOTATION);
    Deployment copy = withTemplateFingerprint(copyOf(tree, deployment), deployment, template);
    copy.getMetadata().setAnnotations(
        annotated(deployment.getMetadata().getAnnotations(), ANNOTATION, fingerprint));
    return copy;
  }

  /** {@code copy}, its template annotated as {@code original}'s plus the fingerprint. */
  private static Deployment withTemplateFingerprint(
      Deployment copy, Deployment original, String fingerprint) {
    ObjectMeta originalMetadata = original.getSpec().getTemplate().getMetadata();
    PodTemplateSpec template = copy.getSpec().getTemplate();
    if (template.getMetadata() == null) {
      template.setMetadata(new ObjectMeta());
    }
    template.getMetadata().setAnnotations(annotated(
        originalMetadata == null ? null : originalMetadata.getAnnotations(),
        TEMPLATE_ANNOTATION, fingerprint));
    return copy;
  }

  private static ObjectNode templateTree(ObjectNode deployment) {
    return (ObjectNode) deployment.get("spec").get("template");
  }

  private static String carried(ObjectMeta metadata, String annotation) {
    if (metadata == null || metadata.getAnnotations() == null) {
      return null;
    }
    return metadata.getAnnotations().get(annotation);
  }

  private static Map<String, String> annotated(
      Map<String, String> annotations, String key, String value) {
    Map<String, String> result = new LinkedHashMap<>();
    if (annotations != null) {
      result.putAll(annotations);
    }
    result.put(key, value);
    return result;
  }

  /** A copy of an object annotated with its fingerprint; the object itself is left unchanged. */
  public static <T extends HasMetadata> T stamp(T resource) {
    ObjectNode tree = tree(resource);
    String fingerprint = fingerprint(tree, ANNOTATION);
    T copy = copyOf(tree, resource);
    copy.getMetadata().setAnnotations(
        annotated(resource.getMetadata().getAnnotations(), ANNOTATION, fingerprint));
    return copy;
  }

  /** An object's JSON as the API server would receive it, as a tree of its own to change. */
  private static ObjectNode tree(Object value) {
    return KubernetesJson.mapper().valueToTree(value);
  }

  /**
   * The object a tree of {@code original} makes; annotations removed from the tree for the
   * fingerprint are the caller's to restore.
   */
  @SuppressWarnings("unchecked") // getClass() of a T is the class of a T or of a subclass
  private static <T> T copyOf(ObjectNode tree, T original) {
    try {
      return KubernetesJson.mapper().treeToValue(tree, (Class<T>) original.getClass());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot read back the tree of an object", e);
    }
  }

  /**
   * The fingerprint of an object's tree without {@code annotation}, which is removed from the
   * tree (and its annotations with it when no other remains, as if there had never been any).
   * Its canonical JSON is the tree's with every object's keys sorted, written once.
   */
  private static String fingerprint(ObjectNode object, String annotation) {
    if (object.get("metadata") instanceof ObjectNode metadata
        && metadata.get("annotations") instanceof ObjectNode annotations) {
      annotations.remove(annotation);
      if (annotations.isEmpty()) {
        metadata.remove("annotations");
      }
    }
    try {
      return sha256Hex(CANONICAL.writeValueAsBytes(object));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the tree of an object", e);
    }
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
