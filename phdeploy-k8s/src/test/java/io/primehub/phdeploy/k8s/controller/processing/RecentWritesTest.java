package io.primehub.phdeploy.k8s.controller.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;

class RecentWritesTest {

  private final RecentWrites<ConfigMap> writes = new RecentWrites<>();

  @Test
  void aWriteIsReadUntilTheCacheCatchesUp() {
    ConfigMap cached = version("5");
    ConfigMap written = version("6");
    writes.wrote("hub/a", written);

    assertThat(writes.freshest("hub/a", cached)).isSameAs(written);
    assertThat(writes.freshest("hub/a", null)).as("created, not yet cached").isSameAs(written);
    assertThat(writes.freshest("hub/a", version("6"))).isNotSameAs(written);
    assertThat(writes.pending()).isZero();
  }

  @Test
  void anEventOfTheWrittenVersionOrANewerOneDropsTheWrite() {
    writes.wrote("hub/a", version("6"));
    writes.observed("hub/a", version("5"));
    assertThat(writes.pending()).isEqualTo(1);

    writes.observed("hub/a", version("7"));
    assertThat(writes.pending()).isZero();
  }

  @Test
  void aDeleteForgetsTheWrite() {
    writes.wrote("hub/a", version("6"));
    writes.deleted("hub/a");

    assertThat(writes.freshest("hub/a", null)).isNull();
  }

  @Test
  void opaqueVersionsCountAnyOtherVersionAsNewer() {
    writes.wrote("hub/a", version("abc"));

    assertThat(writes.freshest("hub/a", version("xyz")).getMetadata().getResourceVersion())
        .isEqualTo("xyz");
  }

  private static ConfigMap version(String resourceVersion) {
    return new ConfigMapBuilder().withNewMetadata().withName("a").withNamespace("hub")
        .withResourceVersion(resourceVersion).endMetadata().build();
  }
}
