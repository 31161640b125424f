package io.primehub.phdeploy.k8s.testing;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.InMemoryCatalogSource;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The specification's fixtures, read from the test classpath. */
public final class Fixtures {

  private Fixtures() {}

  /** The groups and instance types of {@code fixtures/catalog.yaml}. */
  public static InMemoryCatalogSource catalog() {
    try (InputStream yaml = stream("catalog.yaml")) {
      return InMemoryCatalogSource.of(new YAMLMapper().readValue(yaml, Catalog.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The spam classifier of {@code fixtures/spam-classifier.yaml}, as written there. */
  public static PhDeployment spamClassifier() {
    try (InputStream yaml = stream("spam-classifier.yaml")) {
      return Serialization.unmarshal(yaml, PhDeployment.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream stream(String name) {
    return Fixtures.class.getResourceAsStream("/fixtures/" + name);
  }
}
