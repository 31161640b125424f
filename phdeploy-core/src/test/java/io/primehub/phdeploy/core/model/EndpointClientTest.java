package io.primehub.phdeploy.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointClientTest {

  @Test
  void theTokenNeverAppearsInTextMeantForPeopleButIsWrittenOnTheWire() {
    String stored = "plaintext-stored-by-mistake";
    EndpointClient client = EndpointClient.of("scoring-service", stored);
    PhDeploymentSpec spec = PhDeploymentSpec.builder()
        .displayName("spam")
        .groupName("phusers")
        .endpoint(Endpoint.builder().accessType(AccessType.PRIVATE).addClients(client).build())
        .build();

    assertThat(client.toString()).contains("scoring-service").doesNotContain(stored);
    assertThat(spec.toString()).doesNotContain(stored);
    assertThat(new String(WireJson.bytes(client))).contains(stored);
  }
}
