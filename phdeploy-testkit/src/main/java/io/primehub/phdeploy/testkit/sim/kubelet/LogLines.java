package io.primehub.phdeploy.testkit.sim.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import java.util.List;

/** The lines containers write to their logs as they start, copy models and exit. */
final class LogLines {

  /** The container of the user's model server. */
  static final String MODEL = "model";

  /** The Seldon engine in front of it. */
  static final String ENGINE = "seldon-container-engine";

  private LogLines() {}

  static List<String> started(Container container) {
    return switch (container.getName()) {
      case MODEL -> List.of(
          "Starting Seldon model server for " + container.getImage(),
          "Model server listening on port 9000");
      case ENGINE -> List.of(
          "Starting Seldon engine " + container.getImage(),
          "Seldon engine listening on port 8000");
      default -> List.of("Starting " + container.getName() + " from " + container.getImage());
    };
  }

  static List<String> modelCopied(List<String> args) {
    return List.of("Copying model: " + String.join(" ", args), "Model copied successfully");
  }

  static List<String> modelCopyFailed(String uri) {
    return List.of(
        "Copying model from " + uri,
        "Error: failed to download model from " + uri + ": access denied or not found");
  }

  static String exited(Container container, int exitCode) {
    return container.getName() + " exited with code " + exitCode;
  }
}
