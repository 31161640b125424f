package io.primehub.phdeploy.testkit.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.primehub.phdeploy.k8s.auth.ClientTokens;
import org.junit.jupiter.api.Test;

class PrivateEndpointTest {

  private static final String TOKEN = "s3cret-token";
  private static final String HASH = ClientTokens.hash(TOKEN);

  @Test
  void readsHtpasswdAsNginxDoes() {
    PrivateEndpoint endpoint = PrivateEndpoint.fromHtpasswd("realm", String.join("\n",
        "# clients of the spam classifier",
        "",
        "alice:" + HASH + ":added in May",
        "alice:" + ClientTokens.hash("shadowed"),
        "  bob:" + HASH + "  ",
        "no separator",
        ":no name"));

    assertThat(endpoint.clientNames()).containsExactly("alice", "bob");
    assertThat(endpoint.admits("alice", TOKEN)).isTrue();
    assertThat(endpoint.admits("alice", "shadowed")).isFalse();
    assertThat(endpoint.admits("bob", TOKEN)).isTrue();
    assertThat(endpoint.admits("carol", TOKEN)).isFalse();
  }

  @Test
  void admitsNoOneWithoutAFile() {
    assertThat(PrivateEndpoint.fromHtpasswd("realm", "").clientNames()).isEmpty();
  }

  @Test
  void showsNoHashInItsString() {
    PrivateEndpoint endpoint = PrivateEndpoint.fromHtpasswd("realm", "alice:" + HASH);

    assertThat(endpoint.toString())
        .isEqualTo("PrivateEndpoint[realm=realm, clients=[alice]]")
        .doesNotContain(HASH);
  }
}
