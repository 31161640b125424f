package io.primehub.phdeploy.k8s.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ClusterRoles of {@code deploy/} grant exactly what the controller's code does, per the
 * reviewed table below, and nothing more. A new call site must be added to the table and to the
 * manifest; a rule in the manifest that no call site needs fails this test.
 */
class RbacManifestTest {

  private static final String ANY_NAME = "*";

  /**
   * Every request the standalone controller makes to the API server, by call site. Informers
   * list and watch; writes of owned objects carry the cached resourceVersion, so an update is a
   * PUT and never a GET first. API discovery (the PodMonitor's plural) is a non-resource URL
   * every authenticated user may read.
   */
  private static final List<Use> ALWAYS = List.of(
      new Use("CrdCheck.verify: the PhDeployment CRD exists",
          "apiextensions.k8s.io", "customresourcedefinitions", "phdeployments.primehub.io",
          "get"),
      new Use("InformerCaches.start: PhDeployment informer (generic resources)",
          "primehub.io", "phdeployments", ANY_NAME, "list", "watch"),
      new Use("StatusWriter.write: JSON Patch of the status subresource",
          "primehub.io", "phdeployments/status", ANY_NAME, "patch"),
      new Use("InformerCaches.start: Deployment informer",
          "apps", "deployments", ANY_NAME, "list", "watch"),
      new Use("OwnedResourceSync.sync and delete: the Deployment",
          "apps", "deployments", ANY_NAME, "create", "update", "delete"),
      new Use("InformerCaches.start: Service informer",
          "", "services", ANY_NAME, "list", "watch"),
      new Use("OwnedResourceSync.sync and delete: the Service",
          "", "services", ANY_NAME, "create", "update", "delete"),
      new Use("InformerCaches.start: Secret informer (auth Secrets)",
          "", "secrets", ANY_NAME, "list", "watch"),
      new Use("OwnedResourceSync.sync and delete: the auth Secret",
          "", "secrets", ANY_NAME, "create", "update", "delete"),
      new Use("InformerCaches.start: Ingress informer",
          "networking.k8s.io", "ingresses", ANY_NAME, "list", "watch"),
      new Use("OwnedResourceSync.sync and delete: the Ingress",
          "networking.k8s.io", "ingresses", ANY_NAME, "create", "update", "delete"),
      new Use("InformerCaches.start: Pod informer (group label)",
          "", "pods", ANY_NAME, "list", "watch"),
      new Use("EventRecorder.phaseChanged",
          "", "events", ANY_NAME, "create"),
      new Use("Leadership.start: fabric8 LeaseLock.get and update (a JSON merge patch)",
          "coordination.k8s.io", "leases", "phdeploy-controller", "get", "patch"),
      new Use("Leadership.start: fabric8 LeaseLock.create",
          "coordination.k8s.io", "leases", ANY_NAME, "create"));

  /** The requests made only with {@code PHDEPLOY_PODMONITOR=true}. */
  private static final List<Use> WITH_POD_MONITORS = List.of(
      new Use("CrdCheck.verify: the PodMonitor CRD exists",
          "apiextensions.k8s.io", "customresourcedefinitions", CrdCheck.POD_MONITOR_CRD, "get"),
      new Use("InformerCaches.start: PodMonitor informer (generic resources)",
          "monitoring.coreos.com", "podmonitors", ANY_NAME, "list", "watch"),
      new Use("OwnedResourceSync.sync and delete: the PodMonitor",
          "monitoring.coreos.com", "podmonitors", ANY_NAME, "create", "update", "delete"));

  @Test
  void theControllerRoleGrantsExactlyWhatTheCodeUses() {
    assertGrantsExactly(
        Manifests.object("rbac.yaml", ClusterRole.class, "phdeploy-controller"), ALWAYS);
  }

  @Test
  void thePodMonitorRoleGrantsExactlyWhatPodMonitorsNeed() {
    assertGrantsExactly(Manifests.object(
        "rbac-podmonitor.yaml", ClusterRole.class, "phdeploy-controller-podmonitors"),
        WITH_POD_MONITORS);
  }

  @Test
  void eachRoleIsBoundToTheControllersServiceAccountAndNothingElseIsInTheFiles() {
    ServiceAccount account =
        Manifests.object("rbac.yaml", ServiceAccount.class, "phdeploy-controller");
    assertBoundTo("rbac.yaml", "phdeploy-controller", account);
    assertBoundTo("rbac-podmonitor.yaml", "phdeploy-controller-podmonitors", account);
    assertThat(Manifests.objects("rbac.yaml")).extracting(o -> o.getKind())
        .containsExactly("ServiceAccount", "ClusterRole", "ClusterRoleBinding");
    assertThat(Manifests.objects("rbac-podmonitor.yaml")).extracting(o -> o.getKind())
        .containsExactly("ClusterRole", "ClusterRoleBinding");
  }

  private static void assertBoundTo(String file, String role, ServiceAccount account) {
    ClusterRoleBinding binding = Manifests.object(file, ClusterRoleBinding.class, role);
    assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
    assertThat(binding.getRoleRef().getName()).isEqualTo(role);
    assertThat(binding.getSubjects()).singleElement().satisfies((Subject subject) -> {
      assertThat(subject.getKind()).isEqualTo("ServiceAccount");
      assertThat(subject.getName()).isEqualTo(account.getMetadata().getName());
      assertThat(subject.getNamespace()).isEqualTo(account.getMetadata().getNamespace());
    });
  }

  private static void assertGrantsExactly(ClusterRole role, List<Use> uses) {
    Set<String> granted = role.getRules().stream()
        .flatMap(RbacManifestTest::grants)
        .collect(Collectors.toCollection(TreeSet::new));
    Map<String, String> callSites = new TreeMap<>();
    uses.forEach(use -> use.grants().forEach(grant ->
        callSites.merge(grant, use.callSite(), (one, other) -> one + "; " + other)));

    assertThat(granted.stream().filter(grant -> !callSites.containsKey(grant)))
        .as("granted by %s but used by no call site in the table", role.getMetadata().getName())
        .isEmpty();
    assertThat(callSites.entrySet().stream()
            .filter(use -> !granted.contains(use.getKey()))
            .map(use -> use.getKey() + " (" + use.getValue() + ")"))
        .as("used by a call site but not granted by %s", role.getMetadata().getName())
        .isEmpty();
  }

  /** One grant per apiGroup, resource, name and verb, as {@code group/resource/name:verb}. */
  private static Stream<String> grants(PolicyRule rule) {
    List<String> names = rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
        ? List.of(ANY_NAME)
        : rule.getResourceNames();
    assertThat(rule.getNonResourceURLs()).as("non-resource URLs").isNullOrEmpty();
    return rule.getApiGroups().stream().flatMap(group -> rule.getResources().stream()
        .flatMap(resource -> names.stream().flatMap(name -> rule.getVerbs().stream()
            .map(verb -> grant(group, resource, name, verb)))));
  }

  private static String grant(String group, String resource, String name, String verb) {
    return group + "/" + resource + "/" + name + ":" + verb;
  }

  /** The verbs one call site uses on a resource, of any name unless it names one. */
  private record Use(
      String callSite, String apiGroup, String resource, String name, String... verbs) {

    Stream<String> grants() {
      return Stream.of(verbs).map(verb -> grant(apiGroup, resource, name, verb));
    }
  }
}
