package io.primehub.phdeploy.core.validation;

import static io.primehub.phdeploy.core.validation.Specs.predictor;
import static io.primehub.phdeploy.core.validation.Specs.repeat;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The grammar of {@code modelImage}, the model's container image reference. */
class ImageReferenceTest extends RuleTableTest {

  private static final String SHA256 = "sha256:" + repeat('a', 64);

  static Stream<Arguments> rejected() {
    return Stream.of(
        rejectImage("", "is empty; give the image that serves the model"),
        rejectImage("spam classifier:1.0", "contains whitespace"),
        rejectImage("Sandhya1594/spam-classifier:1.0",
            "repository names must be lowercase: write \"sandhya1594\""),
        rejectImage("registry.example/Spam:1.0", "repository names must be lowercase"),
        rejectImage("registry.example//spam", "empty path component"),
        rejectImage("/spam", "empty path component"),
        rejectImage("spam/", "empty path component"),
        rejectImage("spam..x", "the repository component \"spam..x\" is invalid"),
        rejectImage("spam___x", "is invalid"),
        rejectImage("-spam", "is invalid"),
        rejectImage("spam$(id)", "is invalid"),
        rejectImage("spam:", "the tag after ':'"),
        rejectImage("spam:-1", "the tag after ':'"),
        rejectImage("spam:" + repeat('t', 129), "the tag after ':'"),
        rejectImage("spam@sha256:abc", "the digest after '@'"),
        rejectImage("spam@", "the digest after '@'"),
        rejectImage("reg_istry.example:5000/spam", "the registry \"reg_istry.example:5000\""),
        rejectImage("registry.example:port/spam", "is not a valid host name"),
        rejectImage("registry.example/" + repeat('s', 239), "shorten it to at most 255"));
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        acceptImage("spam"),
        acceptImage("spam:1.0"),
        acceptImage("sandhya1594/spam-classifier:1.0.0.1"),
        acceptImage("registry.example/team/spam:1.0.3"),
        acceptImage("localhost/spam"),
        acceptImage("localhost:5000/spam:latest"),
        acceptImage("registry.example:5000/a/b/c"),
        acceptImage("192.168.1.10:5000/spam"),
        acceptImage("[::1]:5000/spam"),
        acceptImage("MyRegistry.example/spam"),
        acceptImage("spam@" + SHA256),
        acceptImage("spam:1.0@" + SHA256),
        acceptImage("a__b/c.d/e---f"),
        acceptImage("spam:V1_x.Y-2"),
        acceptImage("spam:" + repeat('t', 128)),
        acceptImage("registry.example/" + repeat('s', 238)));
  }

  private static Arguments rejectImage(String image, String message) {
    return reject(Texts.quote(image), predictor(p -> p.withModelImage(image)),
        "spec.predictors[0].modelImage", message);
  }

  private static Arguments acceptImage(String image) {
    return accept(Texts.quote(image), predictor(p -> p.withModelImage(image)));
  }
}
