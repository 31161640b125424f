package io.primehub.phdeploy.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiRequestTest {

  @Test
  void readsVerbsResourcesNamespacesNamesAndSubresources() {
    ApiRequest status =
        ApiRequest.of("PUT", "/apis/apps/v1/namespaces/hub/deployments/web/status", "ua");
    assertThat(status.verb()).isEqualTo(Verb.UPDATE);
    assertThat(status.group()).isEqualTo("apps");
    assertThat(status.version()).isEqualTo("v1");
    assertThat(status.namespace()).isEqualTo("hub");
    assertThat(status.name()).isEqualTo("web");
    assertThat(status.resourcePath()).isEqualTo("deployments/status");
    assertThat(status.userAgent()).isEqualTo("ua");

    ApiRequest watch = ApiRequest.of("GET",
        "/api/v1/pods?fieldSelector=metadata.name%3Dweb-1&watch=true&resourceVersion=5", null);
    assertThat(watch.verb()).isEqualTo(Verb.WATCH);
    assertThat(watch.namespace()).isEmpty();
    assertThat(watch.name()).isEmpty();
    assertThat(watch.objectName()).isEqualTo("web-1");
    assertThat(watch.userAgent()).isEmpty();

    assertThat(ApiRequest.of("GET", "/api/v1/namespaces/hub/pods", null).verb())
        .isEqualTo(Verb.LIST);
    assertThat(ApiRequest.of("GET", "/api/v1/namespaces/hub", null).resourcePath())
        .isEqualTo("namespaces");
    String phdeployments = "/apis/primehub.io/v1alpha1/namespaces/hub/phdeployments";
    assertThat(ApiRequest.of("POST", phdeployments, null).collectionPath())
        .isEqualTo(phdeployments);
    assertThat(ApiRequest.of("DELETE", "/api/v1/nodes/n1", null).verb()).isEqualTo(Verb.DELETE);
    assertThat(ApiRequest.of("GET", "/version", null).resource()).isEmpty();
  }

  @Test
  void knowsTheSimulatorsByTheirUserAgent() {
    String pods = "/api/v1/pods";
    assertThat(ApiRequest.of("GET", pods, ApiRequest.SIMULATOR_USER_AGENT).fromSimulator())
        .isTrue();
    assertThat(ApiRequest.of("GET", pods, "fabric8-kubernetes-client/7.9.0").fromSimulator())
        .isFalse();
  }
}
