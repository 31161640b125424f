package io.primehub.phdeploy.testkit.sim.deployment;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Makes the pods of a Deployment from its template, as its replica set would: named
 * {@code <deployment>-<template hash>-<5 random characters>}, labelled with the template's labels
 * and its {@code pod-template-hash}, and owned by the Deployment as their controller.
 */
final class PodFactory {

  private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final int SUFFIX_LENGTH = 5;

  private final Random random;

  PodFactory(Random random) {
    this.random = random;
  }

  Pod newPod(Deployment deployment, String templateHash) {
    ObjectMeta template = Objects.requireNonNullElseGet(
        deployment.getSpec().getTemplate().getMetadata(), ObjectMeta::new);
    Map<String, String> labels = new LinkedHashMap<>(template.getLabels());
    labels.put(TemplateHash.LABEL, templateHash);
    String name = deployment.getMetadata().getName() + "-" + templateHash + "-" + suffix();
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(deployment.getMetadata().getNamespace())
        .withLabels(labels)
        .withAnnotations(template.getAnnotations())
        .withOwnerReferences(new OwnerReferenceBuilder()
            .withApiVersion("apps/v1")
            .withKind("Deployment")
            .withName(deployment.getMetadata().getName())
            .withUid(deployment.getMetadata().getUid())
            .withController(true)
            .withBlockOwnerDeletion(true)
            .build())
        .endMetadata()
        .withSpec(deployment.getSpec().getTemplate().getSpec())
        .build();
  }

  private String suffix() {
    StringBuilder suffix = new StringBuilder();
    synchronized (random) {
      for (int i = 0; i < SUFFIX_LENGTH; i++) {
        suffix.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
      }
    }
    return suffix.toString();
  }
}
