package io.primehub.phdeploy.core.validation;

import static io.primehub.phdeploy.core.validation.Specs.repeat;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The rules of the deployment's name and of the spec's own fields. */
class SpecFieldRulesTest extends RuleTableTest {

  static Stream<Arguments> rejected() {
    return Stream.of(
        rejectNamed("empty name", "", UnaryOperator.identity(), "metadata.name", "is empty"),
        rejectNamed("uppercase name", "Spam", UnaryOperator.identity(), "metadata.name",
            "names must be lowercase"),
        rejectNamed("underscore in name", "spam_classifier", UnaryOperator.identity(),
            "metadata.name", "\"spam_classifier\" is not a valid DNS-1123 label"),
        rejectNamed("name ending in a dash", "spam-", UnaryOperator.identity(), "metadata.name",
            "starting and ending with a letter or digit"),
        rejectNamed("name too long for deploy-<name>", repeat('a', 57), UnaryOperator.identity(),
            "metadata.name", "is 57 characters long; shorten it to at most 56, so that the names"
                + " of its resources (deploy-<name>)"),
        reject("blank displayName", s -> s.withDisplayName("  "), "spec.displayName",
            "is empty; give the deployment a name"),
        reject("line break in displayName", s -> s.withDisplayName("spam\nclassifier"),
            "spec.displayName", "control character U+000A"),
        reject("displayName too long", s -> s.withDisplayName(repeat('d', 65)),
            "spec.displayName", "is 65 characters long; shorten it to at most 64"),
        reject("empty groupName", s -> s.withGroupName(""), "spec.groupName",
            "is empty; name the group"),
        reject("tab in groupName", s -> s.withGroupName("ph\tusers"), "spec.groupName",
            "control character U+0009"),
        reject("groupName too long", s -> s.withGroupName(repeat('g', 254)), "spec.groupName",
            "is 254 characters long"),
        reject("control character in groupId", s -> s.withGroupId("id\u0000"), "spec.groupId",
            "control character U+0000"),
        reject("userId too long", s -> s.withUserId(repeat('u', 254)), "spec.userId",
            "shorten it to at most 253"),
        reject("line break in userName", s -> s.withUserName("ph\radmin"), "spec.userName",
            "control character U+000D"),
        reject("description too long", s -> s.withDescription(repeat('x', 2049)),
            "spec.description", "is 2049 characters long; shorten it to at most 2048"),
        reject("updateMessage too long", s -> s.withUpdateMessage(repeat('x', 1025)),
            "spec.updateMessage", "is 1025 characters long; shorten it to at most 1024"));
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        acceptNamed("a name yet to be generated", null, UnaryOperator.identity()),
        acceptNamed("name of 56 characters", repeat('a', 56), UnaryOperator.identity()),
        acceptNamed("name starting with a digit", "1st-model", UnaryOperator.identity()),
        accept("displayName of 64 characters", s -> s.withDisplayName(repeat('d', 64))),
        accept("displayName of 64 characters outside the BMP",
            s -> s.withDisplayName("\uD83D\uDE80".repeat(64))),
        accept("displayName with punctuation and accents",
            s -> s.withDisplayName("Spam classifier (v2) – café")),
        accept("groupName with spaces", s -> s.withGroupName("Data Science Team")),
        accept("groupName of 253 characters", s -> s.withGroupName(repeat('g', 253))),
        accept("no user or group id", s -> s.withUserId(null).withUserName(null).withGroupId(null)),
        accept("multi-line description of 2048 characters",
            s -> s.withDescription(repeat('x', 2000) + "\n" + repeat('y', 47))),
        accept("updateMessage of 1024 characters", s -> s.withUpdateMessage(repeat('x', 1024))));
  }
}
