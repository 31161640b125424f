package io.primehub.phdeploy.testkit.reliability;

import io.primehub.phdeploy.core.catalog.Catalog;
import io.primehub.phdeploy.core.catalog.Group;
import io.primehub.phdeploy.core.catalog.ImmutableCatalog;
import io.primehub.phdeploy.core.catalog.ImmutableGroup;
import io.primehub.phdeploy.core.catalog.ImmutableInstanceType;
import io.primehub.phdeploy.core.catalog.ResourceQuantities;
import io.primehub.phdeploy.testkit.Fixtures;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixture catalog made roomy enough for hundreds of deployments at once: the fixture's
 * group without its quota, and a small instance type of which 200 pods fit the default node.
 * Churn is about faults, not about quota or capacity.
 */
final class ChurnCatalog {

  static final String GROUP = "phusers";
  static final String INSTANCE_TYPE = "churn-small";

  private ChurnCatalog() {}

  static Catalog catalog() {
    Catalog fixture = Fixtures.catalog();
    List<Group> groups = fixture.groups().stream()
        .map(group -> (Group) ImmutableGroup.copyOf(group).withQuota(ResourceQuantities.none()))
        .toList();
    return ImmutableCatalog.copyOf(fixture)
        .withGroups(groups)
        .withInstanceTypes(Stream.concat(fixture.instanceTypes().stream(), Stream.of(
                ImmutableInstanceType.builder()
                    .name(INSTANCE_TYPE)
                    .limits(ResourceQuantities.of("200m", "512Mi", null))
                    .global(true)
                    .build()))
            .toList());
  }
}
