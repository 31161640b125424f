package io.primehub.phdeploy.core.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The fixture {@code fixtures/catalog.yaml}, read as the k8s module's YAML source reads it. */
public final class FixtureCatalog {

  /** Configured as {@link io.primehub.phdeploy.core.model.WireJson}, with YAML instead of JSON. */
  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private FixtureCatalog() {}

  /** The fixture catalog. */
  public static Catalog load() {
    try (InputStream in = FixtureCatalog.class.getResourceAsStream("/fixtures/catalog.yaml")) {
      if (in == null) {
        throw new IllegalStateException("fixtures/catalog.yaml is not on the test classpath");
      }
      return YAML.readValue(in, Catalog.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture's instance type of this name. */
  public static InstanceType instanceType(String name) {
    return load().instanceType(name).orElseThrow();
  }

  /** The fixture's group of this name. */
  public static Group group(String name) {
    return load().group(name).orElseThrow();
  }
}
