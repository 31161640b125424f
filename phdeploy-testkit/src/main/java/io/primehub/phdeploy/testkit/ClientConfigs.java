package io.primehub.phdeploy.testkit;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How clients reach the in-memory cluster: a fabric8 {@link Config} for clients in this process,
 * and a kubeconfig file for other processes, both pointing at the same server.
 */
final class ClientConfigs {

  /** The name of the cluster, context and user in the kubeconfig. */
  static final String NAME = "phdeploy-testkit";

  /** The namespace clients use unless told otherwise. */
  static final String NAMESPACE = "default";

  private ClientConfigs() {}

  /** A configuration for a client of the server at this URL. */
  static ConfigBuilder config(String masterUrl) {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(masterUrl)
        .withNamespace(NAMESPACE)
        .withOauthToken(NAME)
        .withHttp2Disable(true);
  }

  /**
   * Writes a kubeconfig for the server at this URL into a new temporary directory.
   *
   * @return the file
   */
  static Path writeKubeconfig(String masterUrl) {
    String kubeconfig = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s
        users:
        - name: %1$s
          user:
            token: %1$s
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            user: %1$s
            namespace: %3$s
        current-context: %1$s
        """.formatted(NAME, masterUrl, NAMESPACE);
    try {
      Path file = Files.createTempDirectory(NAME + "-").resolve("kubeconfig");
      return Files.writeString(file, kubeconfig);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the cluster's kubeconfig", e);
    }
  }

  /** Deletes a kubeconfig written by {@link #writeKubeconfig} and its directory. */
  static void deleteKubeconfig(Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }
}
