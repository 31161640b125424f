package io.primehub.phdeploy.k8s.client;

import static io.primehub.phdeploy.k8s.client.TestCluster.NAME;
import static io.primehub.phdeploy.k8s.client.TestCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.mockserver.junit.EnableCrudMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replica logs. The mock server in CRUD mode keeps pods but serves no logs, so each test expects
 * the log requests it makes: the mixed dispatcher of {@code crud = true} answers an expected
 * request first and leaves every other one to CRUD. An expectation matches the whole path with
 * its query, so a served log proves the container, tail, since and follow parameters.
 */
@EnableCrudMockServer
class ReplicaLogsTest extends MockClusterTest {

  private static final String POD_A = NAME + "-7d9f-a";
  private static final String POD_B = NAME + "-7d9f-b";

  @BeforeEach
  void createPods() {
    createPod(POD_B, PodLabels.of(NAME, "phusers"));
    createPod(POD_A, PodLabels.of(NAME, "phusers"));
    createPod("other-deployment-a", PodLabels.of("other-deployment", "phusers"));
    createPod(NAME + "-not-a-replica", Map.of(PodLabels.DEPLOYMENT, NAME));
  }

  @Test
  void fetchReadsTheModelContainerOfEachReplicaWithTailAndSinceInPodNameOrder() {
    expectLog(POD_A, "&container=model&sinceSeconds=300&tailLines=100", "a1\na2\n");
    expectLog(POD_B, "&container=model&sinceSeconds=300&tailLines=100", "b1\n");

    Map<String, String> logs =
        deployments.logs(NAME).tail(100).since(Duration.ofMinutes(5)).fetch();

    assertThat(logs).containsExactly(Map.entry(POD_A, "a1\na2\n"), Map.entry(POD_B, "b1\n"));
  }

  @Test
  void withoutOptionsTheWholeLogIsReadAndSinceRoundsUpToWholeSeconds() {
    expectLog(POD_A, "&container=model", "all of a\n");
    expectLog(POD_B, "&container=model", "all of b\n");
    expectLog(POD_A, "&container=model&sinceSeconds=2", "recent a\n");
    expectLog(POD_B, "&container=model&sinceSeconds=2", "recent b\n");

    assertThat(deployments.logs(NAME).fetch()).containsValues("all of a\n", "all of b\n");
    assertThat(deployments.logs(NAME).since(Duration.ofMillis(1500)).fetch())
        .containsValues("recent a\n", "recent b\n");
  }

  @Test
  void aReplicaWhoseContainerIsWaitingToStartHasAnEmptyLog() {
    expectLog(POD_A, "&container=model", "started\n");
    server.expect().get().withPath(logPath(POD_B, "&container=model"))
        .andReturn(400, new StatusBuilder().withCode(400).withReason("BadRequest")
            .withMessage("container \"model\" in pod \"" + POD_B + "\" is waiting to start:"
                + " ContainerCreating")
            .build())
        .once();

    assertThat(deployments.logs(NAME).fetch())
        .containsExactly(Map.entry(POD_A, "started\n"), Map.entry(POD_B, ""));
  }

  @Test
  void followStreamsTheLinesOfEveryReplicaUntilClosed() throws InterruptedException {
    expectLog(POD_A, "&container=model&tailLines=10&follow=true", "a1\na2 without a line break");
    expectLog(POD_B, "&container=model&tailLines=10&follow=true", "b1\r\n");
    BlockingQueue<LogLine> lines = new LinkedBlockingQueue<>();

    Subscription follow = deployments.logs(NAME).tail(10).follow(lines::add);
    List<LogLine> received = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        LogLine line = lines.poll(20, TimeUnit.SECONDS);
        assertThat(line).as("line " + (i + 1)).isNotNull();
        received.add(line);
      }
    } finally {
      follow.close();
    }

    assertThat(received).filteredOn(line -> line.pod().equals(POD_A)).extracting(LogLine::line)
        .containsExactly("a1", "a2 without a line break");
    assertThat(received).filteredOn(line -> line.pod().equals(POD_B)).extracting(LogLine::line)
        .containsExactly("b1");
  }

  @Test
  void aDeploymentWithoutReplicasHasNoLogs() {
    ReplicaLogs logs = deployments.logs("stopped-deployment");

    assertThat(logs.fetch()).isEmpty();
    logs.follow(line -> { }).close();
  }

  /**
   * Answers a log request of exactly this path and query. Kept for every request rather than
   * once, because the mock server forgets a used expectation in a plain map that the replicas'
   * concurrent requests may read at that moment.
   */
  private void expectLog(String pod, String query, String log) {
    server.expect().get().withPath(logPath(pod, query)).andReturn(200, log).always();
  }

  private static String logPath(String pod, String query) {
    return "/api/v1/namespaces/" + NAMESPACE + "/pods/" + pod + "/log?pretty=false" + query;
  }

  private void createPod(String name, Map<String, String> labels) {
    Pod pod = new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(NAMESPACE).withLabels(labels).endMetadata()
        .withNewSpec()
        .addNewContainer().withName("model").withImage("registry.example/spam:1.0").endContainer()
        .addNewContainer().withName("seldon-container-engine").withImage("seldon/engine")
        .endContainer()
        .endSpec()
        .withNewStatus().withPhase("Running")
        .addNewCondition().withType("Ready").withStatus("True").endCondition()
        .endStatus()
        .build();
    client.pods().inNamespace(NAMESPACE).resource(pod).create();
  }
}
