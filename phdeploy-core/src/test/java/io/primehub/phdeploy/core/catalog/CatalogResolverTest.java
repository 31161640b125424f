package io.primehub.phdeploy.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.primehub.phdeploy.core.model.Failure;
import io.primehub.phdeploy.core.model.FailureReason;
import io.primehub.phdeploy.core.model.PhDeploymentSpec;
import io.primehub.phdeploy.core.model.Predictor;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogResolverTest {

  private static final String MEMBER = "4d203a08-896a-4aa8-86e2-882f4d4aadec";

  private final Catalog catalog = FixtureCatalog.load();

  @Test
  void resolvesAMemberOfAnEnabledGroupOnAGlobalType() {
    CatalogVerdict verdict = CatalogResolver.resolve(catalog, spec("phusers", MEMBER, "cpu-only"));

    assertThat(verdict)
        .isEqualTo(
            new CatalogVerdict.Resolved(
                catalog.group("phusers").orElseThrow(),
                catalog.instanceType("cpu-only").orElseThrow()));
  }

  @Test
  void resolvesATypeOpenToTheGroup() {
    CatalogVerdict verdict = CatalogResolver.resolve(catalog, spec("phusers", MEMBER, "gpu-1"));

    assertThat(verdict).isInstanceOf(CatalogVerdict.Resolved.class);
    assertThat(((CatalogVerdict.Resolved) verdict).instanceType().name()).isEqualTo("gpu-1");
  }

  @Test
  void admitsAnyUserWhenTheSpecNamesNone() {
    assertThat(CatalogResolver.resolve(catalog, spec("phusers", null, "cpu-only")))
        .isInstanceOf(CatalogVerdict.Resolved.class);
    assertThat(CatalogResolver.resolve(catalog, spec("phusers", " ", "cpu-only")))
        .isInstanceOf(CatalogVerdict.Resolved.class);
  }

  @Test
  void admitsAnyUserWhenTheGroupListsNoMembers() throws CatalogUnavailableException {
    Catalog openSandbox =
        InMemoryCatalogSource.of(catalog).enableModelDeployment("sandbox").catalog();

    assertThat(CatalogResolver.resolve(openSandbox, spec("sandbox", "someone", "cpu-only")))
        .isInstanceOf(CatalogVerdict.Resolved.class);
  }

  @Test
  void rejectsAnUnknownGroup() {
    assertThat(rejection(spec("phuser", MEMBER, "cpu-only")))
        .isEqualTo(
            new Failure(
                FailureReason.GROUP_NOT_FOUND,
                "Group 'phuser' does not exist. Check the deployment's group name, or ask an"
                    + " administrator to create the group."));
  }

  @Test
  void rejectsAGroupWithoutModelDeployment() {
    Failure failure = rejection(spec("sandbox", MEMBER, "cpu-only"));

    assertThat(failure.reason()).isEqualTo(FailureReason.DEPLOYMENT_NOT_ENABLED);
    assertThat(failure.message())
        .contains("'sandbox'")
        .contains("An administrator must enable model deployment for the group");
  }

  @Test
  void rejectsAUserOutsideTheGroup() {
    PhDeploymentSpec stranger =
        PhDeploymentSpec.builder()
            .from(spec("phusers", "0000", "cpu-only"))
            .userName("mallory")
            .build();

    assertThat(rejection(stranger))
        .isEqualTo(
            new Failure(
                FailureReason.USER_NOT_IN_GROUP,
                "User 'mallory' (id '0000') is not a member of group 'phusers'. Deploy for a"
                    + " group the user belongs to, or ask an administrator to add the user to"
                    + " it."));
  }

  @Test
  void aKnownEmptyMembershipAdmitsNobodyWhileAnUnknownOneAdmitsAnyone()
      throws CatalogUnavailableException {
    Catalog teams = InMemoryCatalogSource.of(catalog)
        .put(Group.builder().name("nobody").modelDeploymentEnabled(true)
            .members(List.of()).build())
        .put(Group.builder().name("anyone").modelDeploymentEnabled(true).build())
        .catalog();

    assertThat(rejection(teams, spec("nobody", MEMBER, "cpu-only")).reason())
        .isEqualTo(FailureReason.USER_NOT_IN_GROUP);
    assertThat(CatalogResolver.resolve(teams, spec("anyone", MEMBER, "cpu-only")))
        .isInstanceOf(CatalogVerdict.Resolved.class);
  }

  @Test
  void rejectsASpecWithoutPredictor() {
    PhDeploymentSpec noPredictor =
        PhDeploymentSpec.builder().displayName("d").groupName("phusers").userId(MEMBER).build();

    assertThat(rejection(noPredictor).reason()).isEqualTo(FailureReason.INVALID_SPEC);
  }

  @Test
  void rejectsAnUnknownTypeListingTheGroupsChoices() {
    assertThat(rejection(spec("phusers", MEMBER, "gpu-9")))
        .isEqualTo(
            new Failure(
                FailureReason.INSTANCE_TYPE_NOT_FOUND,
                "Instance type 'gpu-9' does not exist. Group 'phusers' may use 'cpu-only',"
                    + " 'gpu-1'; set the predictor's instanceType to one of them."));
  }

  @Test
  void rejectsATypeTheGroupMayNotUse() throws CatalogUnavailableException {
    Catalog withTeam =
        InMemoryCatalogSource.of(catalog)
            .put(Group.builder().name("team").modelDeploymentEnabled(true).build())
            .catalog();

    assertThat(rejection(withTeam, spec("team", MEMBER, "gpu-1")))
        .isEqualTo(
            new Failure(
                FailureReason.INSTANCE_TYPE_NOT_ALLOWED,
                "Group 'team' may not use instance type 'gpu-1'. Group 'team' may use"
                    + " 'cpu-only'; set the predictor's instanceType to one of them. An"
                    + " administrator can also allow 'gpu-1' for the group."));
  }

  @Test
  void saysSoWhenTheGroupMayUseNoType() throws CatalogUnavailableException {
    Catalog gpuOnly =
        InMemoryCatalogSource.of(catalog)
            .removeInstanceType("cpu-only")
            .put(Group.builder().name("team").modelDeploymentEnabled(true).build())
            .catalog();

    assertThat(rejection(gpuOnly, spec("team", MEMBER, "gpu-1")).message())
        .contains("Group 'team' may use no instance type yet; ask an administrator to allow one");
  }

  @Test
  void checksTheGroupBeforeTheInstanceType() {
    assertThat(rejection(spec("sandbox", MEMBER, "gpu-9")).reason())
        .isEqualTo(FailureReason.DEPLOYMENT_NOT_ENABLED);
    assertThat(rejection(spec("phusers", "0000", "gpu-9")).reason())
        .isEqualTo(FailureReason.USER_NOT_IN_GROUP);
  }

  @Test
  void answersUnavailableRatherThanGroupNotFoundDuringAnOutage() {
    InMemoryCatalogSource source =
        InMemoryCatalogSource.of(catalog).failWith("catalog.yaml: no such file");

    assertThat(CatalogResolver.resolve(source, spec("phusers", MEMBER, "cpu-only")))
        .isEqualTo(new CatalogVerdict.Unavailable("catalog.yaml: no such file"));
  }

  @Test
  void resolvesThroughAReadableSource() {
    assertThat(
            CatalogResolver.resolve(
                InMemoryCatalogSource.of(catalog), spec("phusers", MEMBER, "cpu-only")))
        .isInstanceOf(CatalogVerdict.Resolved.class);
  }

  private Failure rejection(PhDeploymentSpec spec) {
    return rejection(catalog, spec);
  }

  private static Failure rejection(Catalog catalog, PhDeploymentSpec spec) {
    CatalogVerdict verdict = CatalogResolver.resolve(catalog, spec);
    assertThat(verdict).isInstanceOf(CatalogVerdict.Rejected.class);
    return ((CatalogVerdict.Rejected) verdict).failure();
  }

  private static PhDeploymentSpec spec(String group, String userId, String instanceType) {
    return PhDeploymentSpec.builder()
        .displayName("spam classifier")
        .groupName(group)
        .userId(userId)
        .addPredictors(
            Predictor.builder()
                .name("predictor1")
                .modelImage("registry.example/spam:1.0.3")
                .instanceType(instanceType)
                .build())
        .build();
  }
}
