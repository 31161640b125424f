package io.primehub.phdeploy.k8s.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.CatalogUnavailableException;
import io.primehub.phdeploy.core.catalog.ImmutableGroup;
import io.primehub.phdeploy.core.catalog.ImmutableInstanceType;
import io.primehub.phdeploy.core.catalog.ResourceQuantities;
import io.primehub.phdeploy.core.quota.ResourceKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import io.primehub.phdeploy.k8s.testing.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphQlCatalogSourceTest {

  private static final String SECRET = "s3cret-Token-4f9a";
  private static final Duration TTL = Duration.ofSeconds(30);
  private static final String OTHER_GROUPS = """
      {"data": {"groups": [
        {"id": "g-1", "name": "research", "enabledDeployment": true, "users": [],
         "instanceTypes": [{"name": "small", "global": true,
                            "spec": {"limits.cpu": 1, "limits.memory": 1}}]}]}}
      """;

  private final SteppingClock clock = new SteppingClock(Instant.parse("2024-05-01T08:00:00Z"));
  private FakePrimeHub primeHub;

  @BeforeEach
  void startPrimeHub() throws Exception {
    primeHub = FakePrimeHub.start();
  }

  @AfterEach
  void stopPrimeHub() {
    primeHub.close();
  }

  @Test
  void mapsPrimeHubsGroupsToTheFixtureCatalog() throws Exception {
    Catalog catalog = source().build().catalog();

    // PrimeHub counts memory in decimal gigabytes, so its 16 is 16G where the fixture says 16Gi.
    assertThat(ResourceKind.MEMORY.parse("16G")).isEqualTo(16_000_000_000L);
    Catalog fixture = FixtureCatalog.expected();
    Catalog expected = Catalog.builder()
        .addGroups(ImmutableGroup.copyOf(fixture.group("phusers").orElseThrow())
            .withQuota(ResourceQuantities.of("8", "16G", "0")))
        // PrimeHub lists sandbox's users (none), where the fixture leaves membership unknown.
        .addGroups(ImmutableGroup.copyOf(fixture.group("sandbox").orElseThrow())
            .withMembers(List.of()))
        .addInstanceTypes(fixture.instanceType("cpu-only").orElseThrow())
        .addInstanceTypes(ImmutableInstanceType.copyOf(fixture.instanceType("gpu-1").orElseThrow())
            .withLimits(ResourceQuantities.of("4", "16G", "1")))
        .build();
    assertThat(catalog).isEqualTo(expected);
  }

  @Test
  void postsTheQueryWithTheBearerSecret() throws Exception {
    source().build().catalog();

    FakePrimeHub.Request request = primeHub.requests().get(0);
    assertThat(request.authorization()).isEqualTo("Bearer " + SECRET);
    assertThat(request.contentType()).isEqualTo("application/json");
    JsonNode body = new ObjectMapper().readTree(request.body());
    assertThat(body.path("query").asText()).isEqualTo(PrimeHubCatalog.QUERY);
    assertThat(body.path("variables").isObject()).isTrue();
  }

  @Test
  void answersFromItsCacheForTheTimeToLive() throws Exception {
    GraphQlCatalogSource source = source().build();

    source.catalog();
    source.catalog();
    clock.advance(TTL.minusMillis(1));
    source.catalog();
    assertThat(primeHub.requests()).hasSize(1);

    clock.advance(Duration.ofMillis(1));
    source.catalog();
    assertThat(primeHub.requests()).hasSize(2);
  }

  @Test
  void tellsListenersWhenAFetchAnswersSomethingElse() throws Exception {
    GraphQlCatalogSource source = source().retry(1, Duration.ofMillis(1)).build();
    ListenerProbe probe = new ListenerProbe();
    source.subscribe(probe);

    source.catalog();
    refetch(source);
    assertThat(probe.count()).as("the first answer and the same answer again").isZero();

    primeHub.otherwiseAnswer(200, OTHER_GROUPS);
    assertThat(refetch(source).group("research")).isPresent();
    assertThat(probe.count()).as("a different catalog").isEqualTo(1);

    primeHub.otherwiseAnswer(502, "bad gateway");
    clock.advance(TTL);
    assertThatThrownBy(source::catalog).isInstanceOf(CatalogUnavailableException.class);
    assertThatThrownBy(source::catalog).isInstanceOf(CatalogUnavailableException.class);
    assertThat(probe.count()).as("the outage began, once").isEqualTo(2);

    primeHub.otherwiseAnswer(200, OTHER_GROUPS);
    source.catalog();
    assertThat(probe.count()).as("the outage ended").isEqualTo(3);
  }

  @Test
  void retriesATransientServerError() throws Exception {
    primeHub.thenAnswer(500, "{\"message\": \"database restarting\"}");

    Catalog catalog = source().build().catalog();

    assertThat(catalog.group("phusers")).isPresent();
    assertThat(primeHub.requests()).hasSize(2);
  }

  @Test
  void doesNotRetryARejectedSecret() {
    primeHub.thenAnswer(401, "{\"errors\": [{\"message\": \"invalid token\"}]}");

    assertThatThrownBy(() -> source().build().catalog())
        .isInstanceOf(CatalogUnavailableException.class)
        .hasMessage("PrimeHub GraphQL API at " + primeHub.url()
            + ": answered HTTP 401 with errors: invalid token");
    assertThat(primeHub.requests()).hasSize(1);
  }

  @Test
  void graphQlErrorsAreAnOutageWithTheirMessages() {
    primeHub.thenAnswer(200, """
        {"errors": [{"message": "Cannot query field \\"enabledDeployment\\" on type \\"Group\\""},
                    {"message": "permission denied"}],
         "data": null}
        """);

    assertThatThrownBy(() -> source().build().catalog())
        .isInstanceOf(CatalogUnavailableException.class)
        .hasMessageEndingWith(": answered with errors: Cannot query field \"enabledDeployment\""
            + " on type \"Group\"; permission denied");
    assertThat(primeHub.requests()).hasSize(1);
  }

  @Test
  void answersThatAreNoCatalogAreAnOutage() {
    primeHub.thenAnswer(200, "<html>login</html>")
        .thenAnswer(200, "{\"data\": {}}")
        .thenAnswer(200, """
            {"data": {"groups": [{"id": "g", "name": "g", "instanceTypes": [
              {"name": "odd", "global": true,
               "spec": {"limits.cpu": 1, "requests.cpu": 2}}]}]}}
            """);
    GraphQlCatalogSource source = source().ttl(Duration.ZERO).build();

    assertThatThrownBy(source::catalog).hasMessageEndingWith("with a body that is not JSON");
    assertThatThrownBy(source::catalog).hasMessageEndingWith(
        "answered groups phdeploy cannot use: groups is not a list");
    assertThatThrownBy(source::catalog).hasMessageEndingWith(
        "answered groups phdeploy cannot use: the catalog is invalid:"
            + " instanceTypes[0].requests.cpu 2 is more than limits.cpu 1");
  }

  @Test
  void aServerThatDoesNotAnswerInTimeIsAnOutage() {
    CountDownLatch release = new CountDownLatch(1);
    primeHub.thenHoldUntil(release);
    try {
      assertThatThrownBy(() -> source()
          .requestTimeout(Duration.ofMillis(200)).retry(1, Duration.ofMillis(1)).build().catalog())
          .isInstanceOf(CatalogUnavailableException.class)
          .hasMessageEndingWith(": did not answer within PT0.2S");
    } finally {
      release.countDown();
    }
  }

  @Test
  void theCircuitOpensAfterRepeatedFailuresAndClosesAfterItsWait() throws Exception {
    primeHub.otherwiseAnswer(503, "unavailable");
    GraphQlCatalogSource source = source()
        .retry(2, Duration.ofMillis(1))
        .circuitBreaker(2, Duration.ofMinutes(1))
        .build();

    assertThatThrownBy(source::catalog).hasMessageEndingWith("answered HTTP 503");
    assertThatThrownBy(source::catalog).hasMessageEndingWith("answered HTTP 503");
    assertThat(primeHub.requests()).hasSize(4);

    assertThatThrownBy(source::catalog)
        .isInstanceOf(CatalogUnavailableException.class)
        .hasMessageContaining("not asked, because its recent fetches failed")
        .hasMessageContaining("circuit breaker");
    clock.advance(Duration.ofSeconds(59));
    assertThatThrownBy(source::catalog).hasMessageContaining("circuit breaker");
    assertThat(primeHub.requests()).as("no request while the circuit is open").hasSize(4);

    primeHub.otherwiseAnswer(200, FakePrimeHub.GROUPS);
    clock.advance(Duration.ofSeconds(2));
    assertThat(source.catalog().group("phusers")).isPresent();
    assertThat(primeHub.requests()).hasSize(5);
  }

  @Test
  void theSecretAppearsInNoMessageLogOrToString() {
    String echo = "{\"errors\": [{\"message\": \"token Bearer " + SECRET + " expired\"}]}";
    primeHub.thenAnswer(200, echo).thenAnswer(500, echo);
    GraphQlCatalogSource.Builder builder =
        source().ttl(Duration.ZERO).retry(1, Duration.ofMillis(1));
    GraphQlCatalogSource source = builder.build();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(source::catalog)
          .hasMessageEndingWith("answered with errors: token Bearer [secret] expired");
      assertThatThrownBy(source::catalog)
          .hasMessageEndingWith("answered HTTP 500 with errors: token Bearer [secret] expired");
    } finally {
      System.setErr(stderr);
    }

    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("The catalog is unavailable")
        .doesNotContain(SECRET);
    assertThat(source.toString()).contains(primeHub.url().toString()).doesNotContain(SECRET);
    assertThat(builder.toString()).doesNotContain(SECRET);
  }

  @Test
  void refusesAnUnusableUrlOrSecret() {
    assertThatThrownBy(() -> GraphQlCatalogSource.builder(primeHub.url(), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the GraphQL secret is blank");
    assertThatThrownBy(() -> GraphQlCatalogSource.builder(
        URI.create("ftp://primehub/api/graphql"), SECRET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be http or https");
  }

  private Catalog refetch(GraphQlCatalogSource source) throws CatalogUnavailableException {
    clock.advance(TTL);
    return source.catalog();
  }

  private GraphQlCatalogSource.Builder source() {
    return GraphQlCatalogSource.builder(primeHub.url(), SECRET)
        .ttl(TTL)
        .clock(clock)
        .retry(3, Duration.ofMillis(1));
  }
}
