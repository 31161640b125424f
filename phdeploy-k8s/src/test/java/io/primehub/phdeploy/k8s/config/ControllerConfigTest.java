package io.primehub.phdeploy.k8s.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.primehub.phdeploy.core.quota.Resources;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ControllerConfigTest {

  @Test
  void theDefaultsAreAsDocumented() {
    ControllerConfig config = ControllerConfig.defaults();

    assertThat(config.baseUrl()).isEqualTo("http://localhost");
    assertThat(config.engineImage()).isEqualTo("seldonio/engine:1.1.0");
    assertThat(config.storageInitializerImage())
        .isEqualTo("gcr.io/kfserving/storage-initializer:v0.4.0");
    assertThat(config.engineCpu()).isEqualTo("100m");
    assertThat(config.engineMemory()).isEqualTo("256Mi");
    assertThat(config.engineSlice()).isEqualTo(new Resources(100, 256L * 1024 * 1024, 0));
    assertThat(config.ingressClassName()).isNull();
    assertThat(config.ingressHost()).isNull();
    assertThat(config.ingressTlsSecret()).isNull();
    assertThat(config.ingressAnnotations()).isEmpty();
    assertThat(config.deployTimeout()).isEqualTo(Duration.parse("PT5M"));
    assertThat(config.maxSurge()).isEqualTo(1);
    assertThat(ControllerConfig.MAX_UNAVAILABLE).isZero();
    assertThat(config.podMonitorEnabled()).isFalse();
    assertThat(config.normalEvents()).isTrue();
    assertThat(config.progressInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.phfsClaimName()).isEqualTo("primehub-phfs");
    assertThat(config.mlflowTrackingUri()).isNull();
  }

  @Test
  void theBaseUrlFollowsTheIngressHostUnlessSet() {
    assertThat(ControllerConfig.builder().ingressHost("hub.example.com").build().baseUrl())
        .isEqualTo("https://hub.example.com");
    assertThat(ControllerConfig.builder().ingressHost("hub.example.com")
        .baseUrl("http://hub.internal:8080/primehub").build().baseUrl())
        .isEqualTo("http://hub.internal:8080/primehub");
  }

  @Test
  void aCopyIsValidatedToo() {
    ControllerConfig config = ControllerConfig.defaults();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ImmutableControllerConfig.copyOf(config).withMaxSurge(0))
        .withMessageContaining("maxSurge");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "-PT1M"})
  void theDeployTimeoutMustBePositive(String timeout) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ControllerConfig.builder().deployTimeout(Duration.parse(timeout)).build())
        .withMessageContaining("deployTimeout must be positive");
  }

  @Test
  void maxSurgeMustBeAtLeastOne() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ControllerConfig.builder().maxSurge(0).build())
        .withMessageContaining("maxSurge must be at least 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "hub.example.com", "/deployment", "ftp://hub.example.com", "https://",
      "https://user:secret@hub.example.com", "https://hub.example.com/?a=b",
      "https://hub.example.com/#top", "http://bad host"})
  void theBaseUrlMustBeAnAbsoluteHttpUrl(String baseUrl) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ControllerConfig.builder().baseUrl(baseUrl).build())
        .withMessageContaining("baseUrl");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "nginx.ingress.kubernetes.io/configuration-snippet",
      "nginx.ingress.kubernetes.io/server-snippet",
      "nginx.ingress.kubernetes.io/auth-snippet",
      "example.com/Custom-Snippet"})
  void aSnippetAnnotationIsRefused(String key) {
    assertThatIllegalArgumentException()
        .isThrownBy(() ->
            ControllerConfig.builder().putIngressAnnotations(key, "return 200;").build())
        .withMessageContaining(key)
        .withMessageContaining("CVE-2021-25742");
  }

  @Test
  void otherAnnotationsAreAccepted() {
    ControllerConfig config = ControllerConfig.builder()
        .putIngressAnnotations("nginx.ingress.kubernetes.io/proxy-body-size", "64m")
        .build();

    assertThat(config.ingressAnnotations())
        .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "64m");
  }

  @Test
  void aTlsSecretNeedsAHost() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ControllerConfig.builder().ingressTlsSecret("models-tls").build())
        .withMessageContaining("ingressTlsSecret needs ingressHost");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://hub.example.com", "Hub.Example.com", "hub example", "", "*.example.com"})
  void theIngressHostMustBeADnsName(String host) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ControllerConfig.builder().ingressHost(host).build())
        .withMessageContaining("ingressHost");
  }

  @Test
  void theEngineSliceMustBePositiveQuantities() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ControllerConfig.builder().engineCpu("lots").engineMemory("0").build())
        .withMessageContaining("engineCpu must be a Kubernetes quantity, got 'lots'")
        .withMessageContaining("engineMemory must be positive, got '0'");
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ControllerConfig.builder()
            .engineImage(" ")
            .storageInitializerImage("")
            .phfsClaimName("")
            .mlflowTrackingUri(" ")
            .ingressClassName("")
            .maxSurge(-1)
            .deployTimeout(Duration.ZERO)
            .build())
        .withMessageStartingWith("invalid controller configuration: ")
        .withMessageContainingAll(
            "engineImage", "storageInitializerImage", "phfsClaimName", "mlflowTrackingUri",
            "ingressClassName", "maxSurge", "deployTimeout");
  }
}
