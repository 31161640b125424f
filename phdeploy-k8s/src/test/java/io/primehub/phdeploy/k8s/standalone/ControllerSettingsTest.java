package io.primehub.phdeploy.k8s.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.primehub.phdeploy.k8s.config.ControllerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading the standalone controller's settings from an environment: each variable good and bad. */
class ControllerSettingsTest {

  private static final String SECRET = "s3cr3t-graphql-token";

  @TempDir
  Path directory;

  static Stream<Arguments> goodValues() {
    return Stream.of(
        good(Variable.NAMESPACE, "hub", ControllerSettings::namespace, "hub"),
        good(Variable.NAMESPACE, "", ControllerSettings::namespace, null),
        good(Variable.BASE_URL, "https://hub.example.com", s -> s.config().baseUrl(),
            "https://hub.example.com"),
        good(Variable.ENGINE_IMAGE, "seldonio/engine:1.2.0", s -> s.config().engineImage(),
            "seldonio/engine:1.2.0"),
        good(Variable.DEPLOY_TIMEOUT, "PT90S", s -> s.config().deployTimeout(),
            Duration.ofSeconds(90)),
        good(Variable.PROGRESS_INTERVAL, "PT1M", s -> s.config().progressInterval(),
            Duration.ofMinutes(1)),
        good(Variable.INGRESS_CLASS, "nginx", s -> s.config().ingressClassName(), "nginx"),
        good(Variable.INGRESS_HOST, "hub.example.com", s -> s.config().ingressHost(),
            "hub.example.com"),
        good(Variable.LEADER_ELECTION, "true", ControllerSettings::leaderElection, true),
        good(Variable.LEADER_ELECTION, "FALSE", ControllerSettings::leaderElection, false),
        good(Variable.LEASE_NAMESPACE, "phdeploy", ControllerSettings::leaseNamespace,
            "phdeploy"),
        good(Variable.WORKERS, "8", ControllerSettings::workers, 8),
        good(Variable.PODMONITOR, "true", s -> s.config().podMonitorEnabled(), true),
        good(Variable.NORMAL_EVENTS, "false", s -> s.config().normalEvents(), false),
        good(Variable.HEALTH_PORT, "0", ControllerSettings::healthPort, 0),
        good(Variable.HEALTH_PORT, "9090", ControllerSettings::healthPort, 9090));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("goodValues")
  void aGoodValueIsRead(
      Variable variable, String value, Function<ControllerSettings, Object> read, Object expected) {
    Map<String, String> environment = validEnvironment();
    environment.put(variable.variableName(), value);

    try (ControllerSettings settings = ControllerSettings.fromEnvironment(environment)) {
      assertThat(read.apply(settings)).isEqualTo(expected);
    }
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        bad(Variable.FEATURE, "false", "PRIMEHUB_FEATURE_MODEL_DEPLOYMENT is false"),
        bad(Variable.FEATURE, "yes", "PRIMEHUB_FEATURE_MODEL_DEPLOYMENT must be true or false"),
        bad(Variable.NAMESPACE, "Hub_1", "PHDEPLOY_NAMESPACE must be a namespace name"),
        bad(Variable.BASE_URL, "ftp://hub.example.com", "PHDEPLOY_BASE_URL is not usable"),
        bad(Variable.DEPLOY_TIMEOUT, "5m", "PHDEPLOY_DEPLOY_TIMEOUT must be an ISO-8601"),
        bad(Variable.DEPLOY_TIMEOUT, "PT0S", "PHDEPLOY_DEPLOY_TIMEOUT is not usable"),
        bad(Variable.PROGRESS_INTERVAL, "10s", "PHDEPLOY_PROGRESS_INTERVAL must be an ISO-8601"),
        bad(Variable.INGRESS_HOST, "*.example.com", "PHDEPLOY_INGRESS_HOST is not usable"),
        bad(Variable.INGRESS_TLS_SECRET, "hub-tls",
            "These settings do not work together: PHDEPLOY_INGRESS_TLS_SECRET"),
        bad(Variable.LEADER_ELECTION, "yes", "PHDEPLOY_LEADER_ELECTION must be true or false"),
        bad(Variable.LEASE_NAMESPACE, "Default!", "PHDEPLOY_LEASE_NAMESPACE must be a namespace"),
        bad(Variable.WORKERS, "0", "PHDEPLOY_WORKERS must be a whole number from 1 to 64"),
        bad(Variable.WORKERS, "65", "PHDEPLOY_WORKERS must be a whole number from 1 to 64"),
        bad(Variable.WORKERS, "four", "PHDEPLOY_WORKERS must be a whole number from 1 to 64"),
        bad(Variable.PODMONITOR, "1", "PHDEPLOY_PODMONITOR must be true or false"),
        bad(Variable.HEALTH_PORT, "-1", "PHDEPLOY_HEALTH_PORT must be a whole number from 0"),
        bad(Variable.HEALTH_PORT, "65536", "PHDEPLOY_HEALTH_PORT must be a whole number from 0"),
        bad(Variable.CATALOG, "/no/such/directory/catalog.yaml", "PHDEPLOY_CATALOG"),
        bad(Variable.GRAPHQL_URL, "http://graphql.example/api", "not both"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badValues")
  void aBadValueStopsTheStartNamingTheVariable(Variable variable, String value, String problem) {
    Map<String, String> environment = validEnvironment();
    environment.put(variable.variableName(), value);

    InvalidSettingsException thrown = invalid(environment);

    assertThat(thrown.problems()).singleElement().asString().contains(problem);
    assertThat(thrown.exitCode()).isEqualTo(StartupFailure.BAD_SETTINGS);
    assertThat(thrown.getMessage()).contains(problem);
  }

  @Test
  void aCatalogFileThatIsMissingIsABadSetting() {
    Map<String, String> environment = validEnvironment();
    environment.put(Variable.CATALOG.variableName(), directory.resolve("absent.yaml").toString());

    assertThat(invalid(environment).problems()).singleElement().asString()
        .startsWith("PHDEPLOY_CATALOG names an unusable catalog").contains("absent.yaml");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Map<String, String> environment = new HashMap<>(Map.of(
        Variable.NAMESPACE.variableName(), "Hub",
        Variable.WORKERS.variableName(), "0",
        Variable.DEPLOY_TIMEOUT.variableName(), "5 minutes",
        Variable.HEALTH_PORT.variableName(), "http"));

    assertThat(invalid(environment).problems()).hasSize(6).anySatisfy(
            p -> assertThat(p).startsWith("PRIMEHUB_FEATURE_MODEL_DEPLOYMENT is not set"))
        .anySatisfy(p -> assertThat(p).startsWith("PHDEPLOY_NAMESPACE"))
        .anySatisfy(p -> assertThat(p).startsWith("PHDEPLOY_WORKERS"))
        .anySatisfy(p -> assertThat(p).startsWith("PHDEPLOY_DEPLOY_TIMEOUT"))
        .anySatisfy(p -> assertThat(p).startsWith("PHDEPLOY_HEALTH_PORT"))
        .anySatisfy(p -> assertThat(p).contains("Set PHDEPLOY_CATALOG"));
  }

  @Test
  void theSeedsSpellingOfTheFeatureSwitchIsAccepted() {
    Map<String, String> environment = validEnvironment();
    environment.remove(Variable.FEATURE.variableName());
    environment.put(Variable.FEATURE_SEED_SPELLING.variableName(), "true");

    try (ControllerSettings settings = ControllerSettings.fromEnvironment(environment)) {
      assertThat(settings.unknownVariables()).isEmpty();
    }
  }

  @Test
  void theSeedsSpellingSwitchedOffIsNamedInTheProblem() {
    Map<String, String> environment = validEnvironment();
    environment.remove(Variable.FEATURE.variableName());
    environment.put(Variable.FEATURE_SEED_SPELLING.variableName(), "false");

    assertThat(invalid(environment).problems()).singleElement().asString()
        .startsWith("PRIMEHUB_FEATURE_MODEL_DEPLOYEMNT is false")
        .contains("set PRIMEHUB_FEATURE_MODEL_DEPLOYMENT=true");
  }

  @Test
  void theRightSpellingWinsOverTheSeeds() {
    Map<String, String> environment = validEnvironment();
    environment.put(Variable.FEATURE_SEED_SPELLING.variableName(), "false");

    ControllerSettings.fromEnvironment(environment).close();
  }

  @Test
  void theLeaseLiesInTheWatchedNamespaceElseDefaultUnlessNamed() {
    Map<String, String> environment = validEnvironment();
    try (ControllerSettings settings = ControllerSettings.fromEnvironment(environment)) {
      assertThat(settings.leaseNamespace()).isEqualTo(ControllerSettings.DEFAULT_LEASE_NAMESPACE);
      assertThat(settings.leaderElection()).isFalse();
    }
    environment.put(Variable.NAMESPACE.variableName(), "hub");
    try (ControllerSettings settings = ControllerSettings.fromEnvironment(environment)) {
      assertThat(settings.leaseNamespace()).isEqualTo("hub");
    }
  }

  @Test
  void unsetVariablesTakeTheirDefaults() {
    try (ControllerSettings settings = ControllerSettings.fromEnvironment(validEnvironment())) {
      assertThat(settings.namespace()).isNull();
      assertThat(settings.workers()).isEqualTo(ControllerSettings.DEFAULT_WORKERS);
      assertThat(settings.healthPort()).isEqualTo(ControllerSettings.DEFAULT_HEALTH_PORT);
      assertThat(settings.config()).isEqualTo(ControllerConfig.defaults());
    }
  }

  @Test
  void theGraphQlCatalogIsReadAndItsSecretNeverShown() {
    Map<String, String> environment = validEnvironment();
    environment.remove(Variable.CATALOG.variableName());
    environment.put(Variable.GRAPHQL_URL.variableName(), "http://graphql.example/api");
    environment.put(Variable.GRAPHQL_SECRET.variableName(), SECRET);

    try (ControllerSettings settings = ControllerSettings.fromEnvironment(environment)) {
      assertThat(settings.toString()).contains("graphql.example").doesNotContain(SECRET);
    }
  }

  @Test
  void theSecretIsInNoProblem() {
    Map<String, String> environment = validEnvironment();
    environment.remove(Variable.CATALOG.variableName());
    environment.put(Variable.GRAPHQL_URL.variableName(), "ftp://graphql.example/api");
    environment.put(Variable.GRAPHQL_SECRET.variableName(), SECRET);
    environment.put(Variable.WORKERS.variableName(), "many");

    InvalidSettingsException thrown = invalid(environment);

    assertThat(thrown.problems()).hasSize(2)
        .anySatisfy(p -> assertThat(p).startsWith("PHDEPLOY_GRAPHQL_URL"));
    assertThat(thrown.getMessage()).doesNotContain(SECRET);
  }

  @Test
  void misspeltVariablesAreListedAndNamedWhenSomethingIsMissing() {
    Map<String, String> environment = validEnvironment();
    environment.put("PHDEPLOY_NAMESPCE", "hub");
    try (ControllerSettings settings = ControllerSettings.fromEnvironment(environment)) {
      assertThat(settings.unknownVariables()).containsExactly("PHDEPLOY_NAMESPCE");
    }

    environment.put("PHDEPLOY_CATALG", environment.remove(Variable.CATALOG.variableName()));
    assertThat(invalid(environment).problems())
        .anySatisfy(p -> assertThat(p).startsWith("PHDEPLOY_CATALG is set but is no setting"))
        .anySatisfy(p -> assertThat(p).startsWith("PHDEPLOY_NAMESPCE is set but is no setting"));
  }

  /** The feature switched on and a catalog; every other variable unset. */
  private Map<String, String> validEnvironment() {
    Map<String, String> environment = StandaloneEnvironment.minimal(directory);
    environment.remove(Variable.HEALTH_PORT.variableName());
    return environment;
  }

  private static InvalidSettingsException invalid(Map<String, String> environment) {
    InvalidSettingsException thrown = catchThrowableOfType(InvalidSettingsException.class,
        () -> ControllerSettings.fromEnvironment(environment).close());
    assertThat(thrown).as("the settings are rejected").isNotNull();
    return thrown;
  }

  private static Arguments good(
      Variable variable, String value, Function<ControllerSettings, Object> read, Object expected) {
    return Arguments.of(variable, value, read, expected);
  }

  private static Arguments bad(Variable variable, String value, String problem) {
    return Arguments.of(variable, value, problem);
  }
}
