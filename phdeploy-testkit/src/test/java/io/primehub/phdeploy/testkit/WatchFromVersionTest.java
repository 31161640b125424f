package io.primehub.phdeploy.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A watch from a resource version hears, as from a real API server, only of what changed after
 * it: an informer that has just listed is not sent every object again. A watch from no version
 * is greeted with every current object.
 */
class WatchFromVersionTest extends ClusterTest {

  private static final long WAIT_SECONDS = 10;

  @Test
  void aWatchFromAVersionHearsOnlyOfLaterChanges() throws Exception {
    client.resource(configMap("before", "1")).create();
    client.resource(configMap("changed", "1")).create();
    String listed = client.configMaps().inNamespace("hub").list().getMetadata().getResourceVersion();
    client.configMaps().inNamespace("hub").withName("changed")
        .edit(map -> new ConfigMapBuilder(map).addToData("value", "2").build());

    Events events = new Events();
    Watch watch = client.configMaps().inNamespace("hub")
        .watch(new ListOptionsBuilder().withResourceVersion(listed).build(), events);
    try {
      client.resource(configMap("after", "1")).create();

      assertThat(events.until("after")).containsExactly("changed=2", "after=1");
    } finally {
      watch.close();
    }
  }

  @Test
  void aWatchFromNoVersionIsGreetedWithEveryObject() throws Exception {
    client.resource(configMap("first", "1")).create();
    client.resource(configMap("second", "1")).create();

    Events events = new Events();
    Watch watch = client.configMaps().inNamespace("hub").watch(events);
    try {
      client.resource(configMap("third", "1")).create();

      assertThat(events.until("third")).containsExactly("first=1", "second=1", "third=1");
    } finally {
      watch.close();
    }
  }

  private static ConfigMap configMap(String name, String value) {
    return new ConfigMapBuilder().withNewMetadata().withNamespace("hub").withName(name)
        .endMetadata().addToData("value", value).build();
  }

  /** The objects a watch hears of, as {@code name=value}. */
  private static final class Events implements Watcher<ConfigMap> {

    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

    @Override
    public void eventReceived(Action action, ConfigMap map) {
      heard.add(map.getMetadata().getName() + "=" + map.getData().get("value"));
    }

    @Override
    public void onClose(WatcherException cause) {}

    /** What was heard, up to and including the object named {@code last}. */
    List<String> until(String last) throws InterruptedException {
      List<String> seen = new ArrayList<>();
      while (seen.isEmpty() || !seen.get(seen.size() - 1).startsWith(last + "=")) {
        String next = heard.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(next).as("an event after " + seen).isNotNull();
        seen.add(next);
      }
      return seen;
    }
  }
}
