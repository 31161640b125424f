package io.primehub.phdeploy.k8s.catalog;

import io.primehub.phdeploy.core.Nullable;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.CatalogSubscription;
import io.primehub.phdeploy.core.catalog.CatalogUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A catalog in a YAML file in the format of {@code catalog.yaml}, read again when the file
 * changes.
 *
 * <p>While the file is missing, unreadable or invalid, {@link #catalog()} throws a
 * {@link CatalogUnavailableException} that names the path and the problem, even if an earlier
 * version was good: serving the old catalog would hide that the file in force is not the file
 * on disk, and an empty one would make every group look deleted. The controller reports the
 * outage and changes nothing until a good file is read again.
 *
 * <p>A {@link #watching watching} source reads the file again whenever anything in its directory
 * changes; {@link #reload()} reads it on demand, which is also how tests drive it. Listeners are
 * told when the answer changes: a different catalog, a broken file, a repaired one.
 */
public final class FileCatalogSource implements CloseableCatalogSource {

  private final Path file;
  private final LatestAnswer latest;
  private volatile @Nullable DirectoryWatcher watcher;

  private FileCatalogSource(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.latest = LatestAnswer.unanswered("catalog file " + this.file);
  }

  /**
   * A source that reads the file now and again whenever its directory changes, until closed.
   *
   * @throws UncheckedIOException if the file's directory does not exist or cannot be watched
   */
  public static FileCatalogSource watching(Path file) {
    FileCatalogSource source = new FileCatalogSource(file);
    Path directory = source.file.getParent();
    try {
      source.watcher = DirectoryWatcher.start(directory, source::reload);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot watch " + directory + " for changes of the catalog file " + source.file, e);
    }
    // Read after the watch began, so that no change falls between the two.
    source.reload();
    return source;
  }

  /** A source that reads the file now and again only when {@link #reload()} is called. */
  public static FileCatalogSource unwatched(Path file) {
    FileCatalogSource source = new FileCatalogSource(file);
    source.reload();
    return source;
  }

  /** The absolute path of the catalog file. */
  public Path file() {
    return file;
  }

  /**
   * The catalog last read from the file.
   *
   * @throws CatalogUnavailableException naming the path and the problem while the file is
   *     missing, unreadable or not a valid catalog
   */
  @Override
  public Catalog catalog() throws CatalogUnavailableException {
    return latest.catalog();
  }

  /** Listeners are told when the catalog changes and when the file breaks or is repaired. */
  @Override
  public CatalogSubscription subscribe(Runnable onChange) {
    return latest.subscribe(onChange);
  }

  /** Reads the file again now, and tells the listeners if the answer changed. */
  public synchronized void reload() {
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      latest.fail("the file does not exist", e);
      return;
    } catch (CharacterCodingException e) {
      latest.fail("the file is not UTF-8 text", e);
      return;
    } catch (IOException e) {
      latest.fail("the file cannot be read: " + e, e);
      return;
    }
    YamlCatalog.readInto(latest, yaml);
  }

  /** Stops watching the file; the last answer stays. */
  @Override
  public void close() {
    DirectoryWatcher running = watcher;
    if (running != null) {
      running.close();
    }
  }

  /** The file, for logs. */
  @Override
  public String toString() {
    return "FileCatalogSource[" + file + "]";
  }
}
