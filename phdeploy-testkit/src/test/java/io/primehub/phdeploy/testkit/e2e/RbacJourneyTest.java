package io.primehub.phdeploy.testkit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.ImmutablePhDeploymentSpec;
import io.primehub.phdeploy.core.model.Phase;
import io.primehub.phdeploy.core.naming.OwnedNames;
import io.primehub.phdeploy.k8s.auth.ClientCredentials;
import io.primehub.phdeploy.k8s.client.PhDeployments;
import io.primehub.phdeploy.k8s.desired.DesiredHash;
import io.primehub.phdeploy.k8s.standalone.ControllerSettings;
import io.primehub.phdeploy.k8s.standalone.StandaloneController;
import io.primehub.phdeploy.k8s.standalone.Variable;
import io.primehub.phdeploy.testkit.InMemoryCluster;
import io.primehub.phdeploy.testkit.PhDeployEnvironment;
import io.primehub.phdeploy.testkit.server.Access;
import io.primehub.phdeploy.testkit.server.Verb;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ClusterRoles of {@code deploy/} against what the standalone controller really asks of the
 * API server: the controller runs as in production (its start-up checks, leader election,
 * PodMonitors), under its own user agent, through a journey that makes it use every kind of
 * write; the journal's distinct accesses are then compared with the roles' rules. Everything
 * used is granted, and everything granted is used, or listed below with why it is needed though
 * the journey does not make the controller use it. The controller's output, which an operator's
 * log collector keeps, holds no client's plaintext token.
 */
class RbacJourneyTest {

  private static final Path DEPLOY = Path.of(System.getProperty("basedir", ""))
      .toAbsolutePath().getParent().resolve("deploy");
  private static final String LEASE = "phdeploy-controller";
  private static final String POD_MONITORS = "podmonitors";
  private static final String MONITORING = "monitoring.coreos.com";
  private static final ResourceDefinitionContext POD_MONITOR = new ResourceDefinitionContext
      .Builder().withGroup(MONITORING).withVersion("v1").withKind("PodMonitor")
      .withPlural(POD_MONITORS).withNamespaced(true).build();

  /** Grants the journey cannot exercise, as {@code group/resource/name:verb}, and why. */
  private static final Map<String, String> NOT_EXERCISED = Map.of();

  @TempDir
  Path temp;

  @Test
  void theRolesGrantExactlyWhatAWholeJourneyUses() throws IOException {
    try (InMemoryCluster cluster = InMemoryCluster.builder().fixtureCatalog().start()) {
      KubernetesClient client = cluster.client();
      installPodMonitorCrd(client);
      cluster.models().serve(Journey.IMAGE, Journey.summing());
      cluster.journal().reset();
      ClientCredentials alice;
      String output;
      try (CapturedStandardError log = CapturedStandardError.start();
          StandaloneController controller = StandaloneController.start(
          ControllerSettings.fromEnvironment(Map.of(
              Variable.FEATURE.variableName(), "true",
              Variable.CATALOG.variableName(), fixtureCatalogCopy().toString(),
              Variable.NAMESPACE.variableName(), Journey.NAMESPACE,
              Variable.BASE_URL.variableName(), cluster.gateway().baseUrl().toString(),
              Variable.LEADER_ELECTION.variableName(), "true",
              Variable.LEASE_NAMESPACE.variableName(), Journey.NAMESPACE,
              Variable.PODMONITOR.variableName(), "true",
              Variable.HEALTH_PORT.variableName(), "0")),
          cluster.newClient(config -> config
              .withUserAgent(PhDeployEnvironment.CONTROLLER_USER_AGENT)))) {
        alice = journey(cluster, PhDeployments.using(client).inNamespace(Journey.NAMESPACE));
        assertThat(controller.healthy()).as("every informer still watching").isTrue();
        output = log.text();
      }
      assertThat(output).as("the standalone controller's output")
          .contains("Starting the phdeploy controller", "Created Secret hub/")
          .doesNotContain(alice.token());
      Map<Boolean, Set<Access>> byKind = cluster.journal().accesses().stream()
          .filter(access -> access.userAgent().equals(PhDeployEnvironment.CONTROLLER_USER_AGENT))
          .collect(Collectors.partitioningBy(access -> access.resource().isEmpty(),
              Collectors.toSet()));
      // API discovery, such as GET /apis/monitoring.coreos.com/v1 to learn the PodMonitor's
      // plural, reads non-resource URLs that Kubernetes' system:discovery role lets every
      // authenticated user read.
      assertThat(byKind.get(true)).as("discovery").allMatch(access -> access.verb() == Verb.GET);
      Set<Access> used = byKind.get(false);
      List<Rule> rules = Stream.concat(
              rules("rbac.yaml", "phdeploy-controller"),
              rules("rbac-podmonitor.yaml", "phdeploy-controller-podmonitors"))
          .toList();

      assertThat(used.stream().filter(access -> rules.stream().noneMatch(r -> r.allows(access)))
              .map(RbacJourneyTest::describe))
          .as("requests the controller made that no rule grants").isEmpty();
      Set<String> unused = rules.stream()
          .flatMap(Rule::grants)
          .filter(grant -> used.stream().noneMatch(grant::covers))
          .map(Grant::toString)
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(unused).as("grants no request of the journey used")
          .containsExactlyInAnyOrderElementsOf(NOT_EXERCISED.keySet());
      assertThat(used).extracting(RbacJourneyTest::describe).as("no pod log is ever read")
          .noneMatch(access -> access.contains("pods/log"));
    }
  }

  /**
   * Every kind of write the controller makes: creates on deploy, updates of every owned kind
   * (scaling, going private, a client added, objects edited behind its back), deletes when the
   * group goes away, events on each phase change, and a lease renewed. Answers the credentials
   * of the client it added.
   */
  private static ClientCredentials journey(InMemoryCluster cluster, PhDeployments deployments) {
    KubernetesClient client = cluster.client();
    String owned = OwnedNames.of(Journey.NAME);
    Journey.deployFixture(deployments);
    deployments.makePrivate(Journey.NAME);
    ClientCredentials alice = deployments.addClient(Journey.NAME, "alice");
    deployments.scale(Journey.NAME, 1, "one replica is enough");
    deployments.awaitPhase(Journey.NAME, Phase.DEPLOYED, Journey.WAIT);
    tamper(client.services().inNamespace(Journey.NAMESPACE).withName(owned));
    tamper(client.genericKubernetesResources(POD_MONITOR).inNamespace(Journey.NAMESPACE)
        .withName(owned));

    deployments.update(Journey.NAME, spec -> ImmutablePhDeploymentSpec.copyOf(spec).withGroupName("no-such-group"), "moved");
    assertThat(Verdicts.await(client, Journey.NAME, Phase.FAILED).getStatus().reason())
        .isEqualTo(FailureReason.GROUP_NOT_FOUND);
    client.secrets().inNamespace(Journey.NAMESPACE).withName(owned)
        .waitUntilCondition(secret -> secret == null, Journey.WAIT.toSeconds(), TimeUnit.SECONDS);
    deployments.update(Journey.NAME, spec -> ImmutablePhDeploymentSpec.copyOf(spec).withGroupName("phusers"), "moved back");
    Verdicts.await(client, Journey.NAME, Phase.DEPLOYED);
    awaitLeaseRenewed(client);
    return alice;
  }

  /** Changes the object's desired-state hash, as a person editing it would, and awaits repair. */
  private static <T extends HasMetadata> void tamper(Resource<T> resource) {
    resource.edit(object -> {
      object.getMetadata().getAnnotations().put(DesiredHash.ANNOTATION, "edited-by-hand");
      return object;
    });
    resource.waitUntilCondition(object -> object != null && !"edited-by-hand".equals(
            DesiredHash.carried(object, DesiredHash.ANNOTATION)),
        Journey.WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Waits until the leader has renewed its Lease once: a renewal is what patches it. */
  private static void awaitLeaseRenewed(KubernetesClient client) {
    client.leases().inNamespace(Journey.NAMESPACE).withName(LEASE).waitUntilCondition(
        lease -> lease != null
            && lease.getSpec().getRenewTime().isAfter(lease.getSpec().getAcquireTime()),
        Journey.WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static void installPodMonitorCrd(KubernetesClient client) {
    client.apiextensions().v1().customResourceDefinitions().resource(
        new CustomResourceDefinitionBuilder()
            .withNewMetadata().withName(POD_MONITORS + "." + MONITORING).endMetadata()
            .withNewSpec().withGroup(MONITORING).withScope("Namespaced")
            .withNewNames().withKind("PodMonitor").withPlural(POD_MONITORS)
            .withSingular("podmonitor").endNames()
            .addNewVersion().withName("v1").withServed(true).withStorage(true)
            .withNewSchema().withNewOpenAPIV3Schema().withType("object")
            .withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema().endSchema()
            .endVersion().endSpec().build()).create();
  }

  private Path fixtureCatalogCopy() throws IOException {
    try (InputStream catalog = getClass().getResourceAsStream("/fixtures/catalog.yaml")) {
      Path copy = temp.resolve("catalog.yaml");
      Files.copy(catalog, copy);
      return copy;
    }
  }

  private static String describe(Access access) {
    return access.verb().name().toLowerCase(Locale.ROOT) + " " + access.group() + "/"
        + access.resource() + (access.name().isEmpty() ? "" : " " + access.name());
  }

  private static Stream<Rule> rules(String file, String role) {
    return read(file).stream()
        .filter(ClusterRole.class::isInstance)
        .map(ClusterRole.class::cast)
        .filter(cluster -> cluster.getMetadata().getName().equals(role))
        .flatMap(cluster -> cluster.getRules().stream())
        .map(Rule::new);
  }

  private static List<?> read(String file) {
    try (InputStream yaml = Files.newInputStream(DEPLOY.resolve(file))) {
      Object read = new KubernetesSerialization().unmarshal(yaml);
      return read instanceof List<?> list ? list : List.of(read);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A rule of a ClusterRole. */
  private record Rule(PolicyRule rule) {

    boolean allows(Access access) {
      return grants().anyMatch(grant -> grant.covers(access));
    }

    /** One grant per group, resource, name ({@code *} for any) and verb. */
    Stream<Grant> grants() {
      List<String> names = rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
          ? List.of("*")
          : rule.getResourceNames();
      return rule.getApiGroups().stream().flatMap(group -> rule.getResources().stream()
          .flatMap(resource -> names.stream().flatMap(name -> rule.getVerbs().stream()
              .map(verb -> new Grant(group, resource, name, verb)))));
    }
  }

  /** One verb on one resource of one group, of the named object or of any ({@code *}). */
  private record Grant(String group, String resource, String name, String verb) {

    boolean covers(Access access) {
      return access.group().equals(group) && access.resource().equals(resource)
          && access.verb().name().toLowerCase(Locale.ROOT).equals(verb)
          && (name.equals("*") || access.name().equals(name));
    }

    @Override
    public String toString() {
      return group + "/" + resource + "/" + name + ":" + verb;
    }
  }
}
