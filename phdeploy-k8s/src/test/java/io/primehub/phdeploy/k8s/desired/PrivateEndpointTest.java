package io.primehub.phdeploy.k8s.desired;

import static io.primehub.phdeploy.k8s.desired.Fixtures.OWNED_NAME;
import static io.primehub.phdeploy.k8s.desired.Fixtures.desired;
import static io.primehub.phdeploy.k8s.desired.Fixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.primehub.phdeploy.core.model.AccessType;
import io.primehub.phdeploy.core.model.Endpoint;
import io.primehub.phdeploy.core.model.EndpointClient;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PrivateEndpointTest {

  /** A client's token as it is shown once, and never stored. */
  private static final String PLAINTEXT = "plain-token-for-tests-93b1";

  /** {@code openssl passwd -6 -salt q7Wm3xZpL0aR2bYc plain-token-for-tests-93b1}. */
  private static final String HASH = "$6$q7Wm3xZpL0aR2bYc$"
      + "UYgPP/QQ/94dRmPBg9Jx3fU7JU3NiQYJwBKPbcCxfecjVHurPtSl4h3AI6mJEOEnz5C3btxQRWAHNivcyjtht.";

  /** An Apache MD5 hash, which nginx verifies too. */
  private static final String OTHER_HASH = "$apr1$Kp2Rz9aQ$" + "x".repeat(22);

  private static PhDeployment privateDeployment(EndpointClient... clients) {
    return withSpec(spec -> spec.withEndpoint(
        Endpoint.builder().accessType(AccessType.PRIVATE).addClients(clients).build()));
  }

  @Test
  void aPrivateEndpointAsksForBasicAuthAgainstItsSecret() {
    DesiredState desired = desired(
        ControllerConfig.defaults(), privateDeployment(EndpointClient.of("scorer", HASH)));

    assertThat(desired.ingress().getMetadata().getAnnotations()).contains(
        entry("nginx.ingress.kubernetes.io/auth-type", "basic"),
        entry("nginx.ingress.kubernetes.io/auth-secret", OWNED_NAME),
        entry("nginx.ingress.kubernetes.io/auth-secret-type", "auth-file"),
        entry("nginx.ingress.kubernetes.io/auth-realm", IngressFactory.AUTH_REALM));
  }

  @Test
  void theSecretHoldsOneHtpasswdLineAClientWithHashesOnly() {
    DesiredState desired = desired(ControllerConfig.defaults(), privateDeployment(
        EndpointClient.of("scorer", HASH), EndpointClient.of("batch-job", OTHER_HASH)));

    Secret secret = desired.authSecret();
    assertThat(secret).isNotNull();
    assertThat(secret.getMetadata().getName()).isEqualTo(OWNED_NAME);
    assertThat(secret.getType()).isEqualTo("Opaque");
    assertThat(secret.getData()).containsOnlyKeys("auth");
    assertThat(secret.getStringData()).isEmpty();
    assertThat(decode(secret.getData().get("auth")))
        .isEqualTo("scorer:" + HASH + "\nbatch-job:" + OTHER_HASH + "\n")
        .startsWith("scorer:$6$");
  }

  @Test
  void thePlaintextTokenAppearsNowhere() {
    DesiredState desired = desired(
        ControllerConfig.defaults(), privateDeployment(EndpointClient.of("scorer", HASH)));

    for (HasMetadata resource : desired.resources()) {
      String json = Serialization.asJson(resource);
      assertThat(json).doesNotContain(PLAINTEXT);
      assertThat(json).doesNotContain(base64(PLAINTEXT));
    }
    assertThat(decode(desired.authSecret().getData().get("auth"))).doesNotContain(PLAINTEXT);
  }

  @Test
  void aTokenThatIsNoHashIsRefusedWithoutRepeatingIt() {
    PhDeployment leaky = privateDeployment(EndpointClient.of("scorer", PLAINTEXT));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> desired(ControllerConfig.defaults(), leaky))
        .withMessageContaining("scorer")
        .withMessageContaining("hash")
        .withMessageNotContaining(PLAINTEXT);
  }

  @Test
  void aClientNameThatWouldBreakTheFileIsRefused() {
    PhDeployment broken = privateDeployment(EndpointClient.of("evil\nroot", HASH));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> desired(ControllerConfig.defaults(), broken))
        .withMessageContaining("client name");
  }

  @Test
  void aPublicEndpointHasNoAuthAndNoSecret() {
    DesiredState explicit = desired(ControllerConfig.defaults(),
        withSpec(spec -> spec.withEndpoint(Endpoint.publicEndpoint())));

    for (DesiredState desired : new DesiredState[] {Fixtures.desired(), explicit}) {
      assertThat(desired.authSecret()).isNull();
      assertThat(desired.ingress().getMetadata().getAnnotations().keySet())
          .noneMatch(key -> key.contains("auth"));
    }
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
