package io.primehub.phdeploy.testkit;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.primehub.phdeploy.core.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The catalog of the repository's fixtures, {@code fixtures/catalog.yaml}, read from this jar. */
final class FixtureCatalog {

  private static final String RESOURCE = "/fixtures/catalog.yaml";

  private FixtureCatalog() {}

  static Catalog load() {
    try (InputStream yaml = FixtureCatalog.class.getResourceAsStream(RESOURCE)) {
      if (yaml == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the testkit jar");
      }
      return Serialization.unmarshal(yaml, Catalog.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
