package io.primehub.phdeploy.k8s.controller.processing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.primehub.phdeploy.k8s.desired.DesiredHash;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The copies of owned objects and pods the informer caches keep: only what the controller reads.
 * That is the metadata it compares, merges or keys by (labels, annotations, owner references,
 * resource version, generation, deletion); of a Deployment its replicas, template fingerprint,
 * container images and status; of a pod what failure reasons and quota are read from (phase,
 * conditions, container states, limits, node); of the other kinds nothing beyond metadata. Whether an owned object differs from its
 * desired state is told by its {@link DesiredHash} annotation, not by its spec; someone else's
 * labels and annotations are kept because an update carries them over.
 */
final class CachedCopies {

  private CachedCopies() {}

  /** A Deployment with its replicas, template fingerprint, container images and status. */
  static Deployment deployment(Deployment full) {
    Deployment copy = new Deployment();
    copy.setMetadata(metadata(full.getMetadata()));
    copy.setStatus(full.getStatus());
    DeploymentSpec spec = full.getSpec();
    if (spec == null) {
      return copy;
    }
    DeploymentSpec kept = new DeploymentSpec();
    kept.setReplicas(spec.getReplicas());
    PodTemplateSpec template = spec.getTemplate();
    if (template != null) {
      PodTemplateSpec keptTemplate = new PodTemplateSpec();
      ObjectMeta templateMetadata = new ObjectMeta();
      templateMetadata.setAnnotations(only(template.getMetadata(), DesiredHash.TEMPLATE_ANNOTATION));
      keptTemplate.setMetadata(templateMetadata);
      PodSpec podSpec = new PodSpec();
      if (template.getSpec() != null) {
        podSpec.setContainers(template.getSpec().getContainers().stream()
            .map(CachedCopies::image).toList());
      }
      keptTemplate.setSpec(podSpec);
      kept.setTemplate(keptTemplate);
    }
    copy.setSpec(kept);
    return copy;
  }

  /**
   * A pod with its phase, conditions, container states, limits and node, and of its annotations
   * only the template fingerprint.
   */
  static Pod pod(Pod full) {
    Pod copy = new Pod();
    ObjectMeta metadata = metadata(full.getMetadata());
    metadata.setAnnotations(only(full.getMetadata(), DesiredHash.TEMPLATE_ANNOTATION));
    metadata.setOwnerReferences(null);
    copy.setMetadata(metadata);
    if (full.getSpec() != null) {
      PodSpec spec = new PodSpec();
      spec.setNodeName(full.getSpec().getNodeName());
      spec.setContainers(full.getSpec().getContainers().stream().map(CachedCopies::limits).toList());
      spec.setInitContainers(
          full.getSpec().getInitContainers().stream().map(CachedCopies::limits).toList());
      copy.setSpec(spec);
    }
    PodStatus status = full.getStatus();
    if (status != null) {
      PodStatus kept = new PodStatus();
      kept.setPhase(status.getPhase());
      kept.setConditions(status.getConditions().stream().map(CachedCopies::condition).toList());
      kept.setContainerStatuses(
          status.getContainerStatuses().stream().map(CachedCopies::state).toList());
      kept.setInitContainerStatuses(
          status.getInitContainerStatuses().stream().map(CachedCopies::state).toList());
      copy.setStatus(kept);
    }
    return copy;
  }

  /**
   * Copies with metadata only, for the kinds whose existence and metadata are all the
   * controller reads; an auth Secret's hashed tokens are not kept either.
   *
   * @param blank makes an empty object of the kind (typed model objects know their own
   *     apiVersion and kind)
   */
  static <T extends HasMetadata> UnaryOperator<T> metadataOnly(Supplier<T> blank) {
    return full -> {
      T copy = blank.get();
      copy.setMetadata(metadata(full.getMetadata()));
      return copy;
    };
  }

  /** A PodMonitor, read as a generic object, with its metadata only. */
  static GenericKubernetesResource podMonitor(GenericKubernetesResource full) {
    GenericKubernetesResource copy = new GenericKubernetesResource();
    copy.setApiVersion(full.getApiVersion());
    copy.setKind(full.getKind());
    copy.setMetadata(metadata(full.getMetadata()));
    return copy;
  }

  private static ObjectMeta metadata(ObjectMeta full) {
    ObjectMeta kept = new ObjectMeta();
    kept.setName(full.getName());
    kept.setNamespace(full.getNamespace());
    kept.setUid(full.getUid());
    kept.setResourceVersion(full.getResourceVersion());
    kept.setGeneration(full.getGeneration());
    kept.setDeletionTimestamp(full.getDeletionTimestamp());
    kept.setLabels(full.getLabels());
    kept.setAnnotations(full.getAnnotations());
    kept.setOwnerReferences(full.getOwnerReferences());
    return kept;
  }

  private static Container image(Container full) {
    Container kept = new Container();
    kept.setName(full.getName());
    kept.setImage(full.getImage());
    return kept;
  }

  private static Container limits(Container full) {
    Container kept = new Container();
    kept.setName(full.getName());
    if (full.getResources() != null && full.getResources().getLimits() != null) {
      ResourceRequirements resources = new ResourceRequirements();
      resources.setLimits(full.getResources().getLimits());
      kept.setResources(resources);
    }
    return kept;
  }

  private static PodCondition condition(PodCondition full) {
    PodCondition kept = new PodCondition();
    kept.setType(full.getType());
    kept.setStatus(full.getStatus());
    kept.setReason(full.getReason());
    kept.setMessage(full.getMessage());
    return kept;
  }

  private static ContainerStatus state(ContainerStatus full) {
    ContainerStatus kept = new ContainerStatus();
    kept.setName(full.getName());
    kept.setRestartCount(full.getRestartCount());
    kept.setState(full.getState());
    return kept;
  }

  private static Map<String, String> only(ObjectMeta metadata, String annotation) {
    String value = metadata == null || metadata.getAnnotations() == null
        ? null
        : metadata.getAnnotations().get(annotation);
    return value == null ? null : Map.of(annotation, value);
  }
}
