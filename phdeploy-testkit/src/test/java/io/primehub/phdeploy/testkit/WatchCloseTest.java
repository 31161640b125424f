package io.primehub.phdeploy.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A watch that a client ends while the server still has events queued for it must not hold up
 * the API server: every request is served by one event loop, so a close that waited there for
 * the queued events (which need that same loop to be sent) froze the whole cluster for up to a
 * minute.
 */
class WatchCloseTest extends ClusterTest {

  private static final int WATCHES = 20;
  private static final int OBJECTS = 200;
  private static final Duration PROMPT = Duration.ofSeconds(5);

  @Test
  void watchesClosedWhileEventsAreQueuedLeaveTheServerAnswering() throws Exception {
    KubernetesClient writer = cluster.newClient();
    KubernetesClient reader = cluster.newClient(config -> config
        .withRequestRetryBackoffLimit(0)
        .withRequestTimeout((int) PROMPT.toMillis()));
    CountDownLatch eventsFlowing = new CountDownLatch(WATCHES);
    List<Watch> watches = new ArrayList<>();
    for (int i = 0; i < WATCHES; i++) {
      watches.add(client.configMaps().inNamespace("hub").watch(new FirstEvent(eventsFlowing)));
    }
    CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> IntStream.range(0, OBJECTS)
        .forEach(i -> writer.resource(configMap("burst-" + i)).create()));
    assertThat(eventsFlowing.await(PROMPT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    watches.forEach(Watch::close);

    // Until the burst is over, the server must answer every read promptly; a read that waits
    // longer than PROMPT fails with a timeout.
    long deadline = System.nanoTime() + PROMPT.multipliedBy(6).toNanos();
    while (!writes.isDone() && System.nanoTime() < deadline) {
      long started = System.nanoTime();
      reader.configMaps().inNamespace("hub").withName("burst-0").get();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPT);
    }
    writes.get(PROMPT.toSeconds(), TimeUnit.SECONDS);
    assertThat(reader.configMaps().inNamespace("hub").list().getItems()).hasSize(OBJECTS);
  }

  private static ConfigMap configMap(String name) {
    return new ConfigMapBuilder().withNewMetadata().withNamespace("hub").withName(name)
        .endMetadata().addToData("key", "value").build();
  }

  /** Counts down once, on the first event of its watch. */
  private static final class FirstEvent implements Watcher<ConfigMap> {

    private final CountDownLatch latch;
    private boolean seen;

    FirstEvent(CountDownLatch latch) {
      this.latch = latch;
    }

    @Override
    public synchronized void eventReceived(Action action, ConfigMap resource) {
      if (!seen) {
        seen = true;
        latch.countDown();
      }
    }

    @Override
    public void onClose(WatcherException cause) {
      // Closed by the test.
    }
  }
}
