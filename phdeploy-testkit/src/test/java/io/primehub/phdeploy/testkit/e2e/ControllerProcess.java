package io.primehub.phdeploy.testkit.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The executable controller jar, {@code java -jar phdeploy-controller.jar}, run as a process of
 * its own with an environment the test chooses and its output in a file, as an operator would
 * run it. Closing it kills the process if it still runs.
 */
final class ControllerProcess implements AutoCloseable {

  /** Where {@code mvn package} of phdeploy-k8s puts the executable jar. */
  static final Path JAR = Path.of("phdeploy-k8s", "target", "phdeploy-controller.jar");

  private static final String ROOT_MARKER = "phdeploy-k8s/pom.xml";

  private final Process process;
  private final Path output;

  private ControllerProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /**
   * Starts the jar of the repository that holds the working directory (Maven runs a module's
   * tests in the module's directory) with exactly {@code environment} among the variables that
   * configure a controller or a client, and its standard output and error in {@code output}.
   *
   * @throws AssertionError if the repository has no packaged jar
   */
  static ControllerProcess start(Map<String, String> environment, Path output) {
    Path jar = repositoryRoot().resolve(JAR);
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(jar + " does not exist: run 'mvn package' (or 'mvn verify') from"
          + " the repository root, which builds phdeploy-k8s's executable jar before the"
          + " testkit's tests run");
    }
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // A short-lived process on a small shared machine: a quick start matters more here
        // than peak throughput.
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-jar", jar.toString())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    // Nothing from the test's own environment may point the process elsewhere.
    builder.environment().keySet().removeIf(name -> name.startsWith("PHDEPLOY_")
        || name.startsWith("PRIMEHUB_") || name.startsWith("KUBE"));
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(output.getParent());
      return new ControllerProcess(builder.start(), output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + jar, e);
    }
  }

  /** The process. */
  Process process() {
    return process;
  }

  /** Everything the process has written so far. */
  String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The output's lines. */
  List<String> outputLines() {
    return output().lines().toList();
  }

  /**
   * Sends the process SIGTERM, as Kubernetes does to stop a pod, and waits for it to end.
   *
   * @return its exit code
   * @throws AssertionError if it still runs after {@code timeout}
   */
  int terminate(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the controller still runs " + timeout + " after SIGTERM");
    }
    return process.exitValue();
  }

  /** Kills the process if it still runs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private static Path repositoryRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path directory = start; directory != null; directory = directory.getParent()) {
      if (Files.isRegularFile(directory.resolve(ROOT_MARKER))) {
        return directory;
      }
    }
    throw new AssertionError("no directory from " + start + " up holds " + ROOT_MARKER
        + "; run the tests from the phdeploy repository");
  }
}
