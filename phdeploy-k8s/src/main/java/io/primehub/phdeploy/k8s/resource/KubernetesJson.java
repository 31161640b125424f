package io.primehub.phdeploy.k8s.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Jackson as fabric8 configures it for Kubernetes objects, for conversions the controller makes
 * many of: fabric8's {@link KubernetesSerialization} keeps its mapper to itself, and its methods
 * decode strings, sniff for YAML and resolve the target type again on every call, which costs as
 * much as the conversion itself. Readers and writers made once from this mapper do not.
 */
public final class KubernetesJson {

  private static final ObjectMapper MAPPER = configured();

  private KubernetesJson() {}

  /** The shared mapper; thread-safe, do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper configured() {
    ObjectMapper mapper = new ObjectMapper();
    new KubernetesSerialization(mapper, false); // configures the mapper it is given
    return mapper;
  }
}
