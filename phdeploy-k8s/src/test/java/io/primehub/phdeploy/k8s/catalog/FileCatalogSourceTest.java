package io.primehub.phdeploy.k8s.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.primehub.phdeploy.core.catalog.CatalogSubscription;
import io.primehub.phdeploy.core.catalog.CatalogUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCatalogSourceTest {

  @TempDir Path directory;

  @Test
  void readsTheFile() throws Exception {
    Path file = write("catalog.yaml", FixtureCatalog.yaml());

    try (FileCatalogSource source = FileCatalogSource.unwatched(file)) {
      assertThat(source.catalog()).isEqualTo(FixtureCatalog.expected());
      assertThat(source.file()).isEqualTo(file.toAbsolutePath());
    }
  }

  @Test
  void aMissingFileIsAnOutageNamingThePath() {
    Path file = directory.resolve("absent.yaml");

    try (FileCatalogSource source = FileCatalogSource.unwatched(file)) {
      assertThatThrownBy(source::catalog)
          .isInstanceOf(CatalogUnavailableException.class)
          .hasMessage("catalog file " + file + ": the file does not exist");
    }
  }

  @Test
  void aFileThatIsNotUtf8IsAnOutage() throws Exception {
    Path file = directory.resolve("catalog.yaml");
    Files.write(file, new byte[] {'g', (byte) 0xC3, (byte) 0x28});

    try (FileCatalogSource source = FileCatalogSource.unwatched(file)) {
      assertThatThrownBy(source::catalog).hasMessageContaining("is not UTF-8 text");
    }
  }

  @Test
  void reloadsChangesAndTellsListenersExactlyWhenTheAnswerChanges() throws Exception {
    Path file = write("catalog.yaml", FixtureCatalog.yaml());
    try (FileCatalogSource source = FileCatalogSource.unwatched(file)) {
      ListenerProbe probe = new ListenerProbe();
      source.subscribe(probe);

      source.reload();
      assertThat(probe.count()).as("reloading the same catalog").isZero();

      write("catalog.yaml", "# the same catalog, reformatted\n" + FixtureCatalog.yaml());
      source.reload();
      assertThat(probe.count()).as("a new text with the same meaning").isZero();

      write("catalog.yaml", FixtureCatalog.otherYaml());
      source.reload();
      assertThat(probe.count()).as("a different catalog").isEqualTo(1);
      assertThat(source.catalog().group("research")).isPresent();
      assertThat(source.catalog().group("phusers")).isEmpty();
    }
  }

  @Test
  void aBrokenFileIsAnOutageUntilItIsRepaired() throws Exception {
    Path file = write("catalog.yaml", FixtureCatalog.yaml());
    try (FileCatalogSource source = FileCatalogSource.unwatched(file)) {
      ListenerProbe probe = new ListenerProbe();
      source.subscribe(probe);

      write("catalog.yaml", "groups:\n  - name: phusers\n    modelDeployment: yes please\n");
      source.reload();
      assertThat(probe.count()).as("the outage began").isEqualTo(1);
      assertThatThrownBy(source::catalog)
          .isInstanceOf(CatalogUnavailableException.class)
          .hasMessageStartingWith("catalog file " + file + ": line 3")
          .hasMessageContaining("groups[0].modelDeployment");

      write("catalog.yaml", "groups: [");
      source.reload();
      Files.delete(file);
      source.reload();
      assertThat(probe.count()).as("still out, for other reasons").isEqualTo(1);
      assertThatThrownBy(source::catalog).hasMessageContaining("does not exist");

      write("catalog.yaml", FixtureCatalog.yaml());
      source.reload();
      assertThat(probe.count()).as("the outage ended").isEqualTo(2);
      assertThat(source.catalog()).isEqualTo(FixtureCatalog.expected());
    }
  }

  @Test
  void aClosedSubscriptionHearsNoMore() throws Exception {
    Path file = write("catalog.yaml", FixtureCatalog.yaml());
    try (FileCatalogSource source = FileCatalogSource.unwatched(file)) {
      ListenerProbe probe = new ListenerProbe();
      CatalogSubscription subscription = source.subscribe(probe);
      subscription.close();

      write("catalog.yaml", FixtureCatalog.otherYaml());
      source.reload();

      assertThat(probe.count()).isZero();
    }
  }

  @Test
  void aWatchingSourceReloadsByItselfWhenTheFileIsReplaced() throws Exception {
    Path file = write("catalog.yaml", FixtureCatalog.yaml());
    try (FileCatalogSource source = FileCatalogSource.watching(file)) {
      ListenerProbe probe = new ListenerProbe();
      source.subscribe(probe);

      // Replaced by a rename, as editors and Kubernetes' ConfigMap volumes do.
      Path next = write("catalog.yaml.next", FixtureCatalog.otherYaml());
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      probe.awaitNext();

      assertThat(source.catalog().group("research")).isPresent();
    }
  }

  @Test
  void watchingAFileInAMissingDirectoryFailsAtOnce() {
    Path file = directory.resolve("no-such-directory").resolve("catalog.yaml");

    assertThatThrownBy(() -> FileCatalogSource.watching(file))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot watch " + file.getParent());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(directory.resolve(name), text);
  }
}
