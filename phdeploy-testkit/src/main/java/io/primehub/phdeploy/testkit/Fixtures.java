package io.primehub.phdeploy.testkit;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fixtures of phdeploy's specification, shipped in this jar: the example deployment
 * {@code spam-classifier-abcxy} and the catalog of groups and instance types it fits. Tests and
 * demos use them rather than inventing shapes of their own.
 */
public final class Fixtures {

  /** The name of the example deployment. */
  public static final String SPAM_CLASSIFIER = "spam-classifier-abcxy";

  private Fixtures() {}

  /**
   * The groups {@code phusers} (model deployment enabled, quota 8 CPU, 16Gi, 0 GPU) and
   * {@code sandbox} (not enabled), and the instance types {@code cpu-only} and {@code gpu-1}.
   */
  public static Catalog catalog() {
    return read("catalog.yaml", Catalog.class);
  }

  /**
   * The specification's example deployment in namespace {@code hub}: two replicas of
   * {@code sandhya1594/spam-classifier:1.0.0.1} on {@code cpu-only} for group {@code phusers}.
   * A new object at each call, so that a test may change it.
   */
  public static PhDeployment spamClassifier() {
    return read("spam-classifier.yaml", PhDeployment.class);
  }

  private static <T> T read(String name, Class<T> type) {
    String resource = "/fixtures/" + name;
    try (InputStream yaml = Fixtures.class.getResourceAsStream(resource)) {
      if (yaml == null) {
        throw new IllegalStateException(resource + " is missing from the testkit jar");
      }
      return Serialization.unmarshal(yaml, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
