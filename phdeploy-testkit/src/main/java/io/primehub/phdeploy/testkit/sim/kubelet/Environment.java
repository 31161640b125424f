package io.primehub.phdeploy.testkit.sim.kubelet;

import java.util.List;

/**
 * What a container meets when the kubelet runs it: the registry, how its image behaves, the model
 * storage, its pod's pull secrets, and the log it writes to.
 *
 * @param registry the image registry
 * @param images how images behave
 * @param storage the model storage
 * @param pullSecrets the names of the pod's {@code imagePullSecrets}
 * @param podName the pod's name, for messages
 * @param log where the containers' log lines go
 */
record Environment(
    ImageRegistry registry,
    Images images,
    ModelStorage storage,
    List<String> pullSecrets,
    String podName,
    ContainerLog log) {

  /** Where a pod's containers write their log lines. */
  @FunctionalInterface
  interface ContainerLog {
    void append(String container, String line);
  }
}
