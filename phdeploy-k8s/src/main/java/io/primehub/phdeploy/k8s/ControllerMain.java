package io.primehub.phdeploy.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.primehub.phdeploy.k8s.standalone.ControllerSettings;
import io.primehub.phdeploy.k8s.standalone.StandaloneController;
import io.primehub.phdeploy.k8s.standalone.StartupFailure;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phdeploy controller as a process: {@code java -jar phdeploy-controller.jar}. It reads the
 * cluster from the usual sources (KUBECONFIG, {@code ~/.kube/config}, the in-cluster service
 * account, {@code KUBERNETES_MASTER}) and its settings from the environment
 * ({@link io.primehub.phdeploy.k8s.standalone.Variable}), and runs until SIGTERM or SIGINT, when
 * it drains in-flight work and stops.
 *
 * <p>Exit codes: {@value StartupFailure#BAD_SETTINGS} for settings it cannot start with (every
 * problem is printed), {@value StartupFailure#START_FAILED} for any other failed start, such as
 * an unreachable cluster or a missing CRD.
 */
public final class ControllerMain {

  private static final Logger LOG = LoggerFactory.getLogger(ControllerMain.class);

  private ControllerMain() {}

  /** Runs the controller until the process is told to stop. */
  public static void main(String[] args) throws InterruptedException {
    try (KubernetesClient client = new KubernetesClientBuilder().build()) {
      StandaloneController controller = launch(System.getenv(), client);
      Runtime.getRuntime().addShutdownHook(new Thread(controller::close, "phdeploy-shutdown"));
      controller.awaitClosed();
    } catch (StartupFailure e) {
      LOG.error(e.getMessage());
      System.exit(e.exitCode());
    } catch (RuntimeException e) {
      LOG.error("The phdeploy controller failed to start", e);
      System.exit(StartupFailure.START_FAILED);
    }
  }

  /**
   * Reads the settings from {@code environment} and starts the controller on {@code client};
   * what {@link #main} does, without the process around it.
   *
   * @return the running controller, to be closed by the caller
   * @throws StartupFailure with the message to print and the exit code
   */
  public static StandaloneController launch(
      Map<String, String> environment, KubernetesClient client) {
    return StandaloneController.start(ControllerSettings.fromEnvironment(environment), client);
  }
}
