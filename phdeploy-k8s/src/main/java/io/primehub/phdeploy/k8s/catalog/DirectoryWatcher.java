package io.primehub.phdeploy.k8s.catalog;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an action on a daemon thread whenever anything in one directory is created, changed or
 * deleted, until closed.
 *
 * <p>It reacts to every entry of the directory rather than to one file's name because Kubernetes
 * updates a mounted ConfigMap by swapping a symbolic link beside the file, and editors often
 * replace a file by renaming a new one onto it; the action is expected to find out itself whether
 * what it cares about changed. Events that arrive together are coalesced into one run.
 */
final class DirectoryWatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatcher.class);

  private final Path directory;
  private final WatchService service;
  private final Runnable onChange;
  private volatile boolean closed;

  private DirectoryWatcher(Path directory, WatchService service, Runnable onChange) {
    this.directory = directory;
    this.service = service;
    this.onChange = onChange;
  }

  /**
   * Starts watching.
   *
   * @throws IOException if the directory does not exist or cannot be watched
   */
  static DirectoryWatcher start(Path directory, Runnable onChange) throws IOException {
    WatchService service = directory.getFileSystem().newWatchService();
    try {
      directory.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
    } catch (IOException | RuntimeException e) {
      service.close();
      throw e;
    }
    DirectoryWatcher watcher = new DirectoryWatcher(directory, service, onChange);
    Thread thread = new Thread(watcher::run, "phdeploy-catalog-watch-" + directory.getFileName());
    thread.setDaemon(true);
    thread.start();
    return watcher;
  }

  private void run() {
    try {
      boolean valid = true;
      while (valid) {
        WatchKey key = service.take();
        // What else arrived meanwhile is the same news; the action reads the current state.
        key.pollEvents();
        runAction();
        valid = key.reset();
      }
      if (!closed) {
        LOG.warn("Stopped watching {}: the directory is gone", directory);
      }
    } catch (ClosedWatchServiceException e) {
      LOG.debug("Stopped watching {}", directory);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runAction() {
    try {
      onChange.run();
    } catch (RuntimeException e) {
      // The next change must still be seen, so one failed run must not end the thread.
      LOG.warn("Reacting to a change in {} failed", directory, e);
    }
  }

  /** Stops watching; the thread ends at once. */
  @Override
  public void close() {
    closed = true;
    try {
      service.close();
    } catch (IOException e) {
      LOG.warn("Could not close the watch of {}", directory, e);
    }
  }
}
