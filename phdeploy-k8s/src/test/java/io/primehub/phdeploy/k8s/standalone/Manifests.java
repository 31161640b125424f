package io.primehub.phdeploy.k8s.standalone;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The manifests in the repository's {@code deploy/} folder, as the tests read them. */
final class Manifests {

  /** The repository's root: the module's parent, since Surefire runs in the module. */
  static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent();

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Manifests() {}

  /** The file {@code deploy/<name>}. */
  static Path file(String name) {
    return ROOT.resolve("deploy").resolve(name);
  }

  /** Every object in {@code deploy/<name>}, in the file's order. */
  static List<HasMetadata> objects(String name) {
    try (InputStream yaml = Files.newInputStream(file(name))) {
      Object read = SERIALIZATION.unmarshal(yaml);
      return read instanceof List<?> list
          ? list.stream().map(HasMetadata.class::cast).toList()
          : List.of((HasMetadata) read);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one object of {@code type} in {@code deploy/<name>} named {@code objectName}. */
  static <T extends HasMetadata> T object(String name, Class<T> type, String objectName) {
    return objects(name).stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(o -> o.getMetadata().getName().equals(objectName))
        .reduce((a, b) -> {
          throw new AssertionError(name + " holds two " + type.getSimpleName() + "s " + objectName);
        })
        .orElseThrow(() -> new AssertionError(
            name + " holds no " + type.getSimpleName() + " " + objectName));
  }
}
