package io.primehub.phdeploy.core.validation;

import static io.primehub.phdeploy.core.validation.Specs.SHA512_HASH;
import static io.primehub.phdeploy.core.validation.Specs.clients;
import static io.primehub.phdeploy.core.validation.Specs.repeat;
import static org.assertj.core.api.Assertions.assertThat;

import io.primehub.phdeploy.core.model.EndpointClient;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** The rules of {@code spec.endpoint}: client names and token hashes. */
class EndpointRulesTest extends RuleTableTest {

  private static final String PLAINTEXT = "s3cret-token-of-the-ci-bot";

  static Stream<Arguments> rejected() {
    return Stream.of(
        reject("too many clients", clients(clients(33)), "spec.endpoint.clients",
            "has 33 clients, more than the 32 allowed"),
        rejectClient("empty name", "", SHA512_HASH, "name", "is empty; give the client a name"),
        rejectClient("name with a colon", "ci:bot", SHA512_HASH, "name",
            "\"ci:bot\" is not a valid client name"),
        rejectClient("name starting with a dash", "-bot", SHA512_HASH, "name",
            "starting with a letter or digit"),
        rejectClient("name of 64 characters", repeat('c', 64), SHA512_HASH, "name",
            "use 1 to 63 letters"),
        reject("duplicate names", clients(List.of(EndpointClient.of("ci", SHA512_HASH),
                EndpointClient.of("ci", SHA512_HASH))), "spec.endpoint.clients[1].name",
            "\"ci\" is used by both clients[0] and clients[1]"),
        rejectClient("empty token", "ci", "", "token", "is empty; store the hash"),
        rejectClient("plaintext token", "ci", PLAINTEXT, "token",
            "looks like a plaintext token, and only its hash may be stored"),
        rejectClient("SHA-512 hash cut short", "ci", SHA512_HASH.substring(0, 60), "token",
            "is not a well-formed hash"),
        rejectClient("SHA-512 salt too long", "ci", "$6$" + repeat('s', 17) + "$"
            + repeat('h', 86), "token", "is not a well-formed hash"),
        rejectClient("SHA-256 hash of SHA-512 length", "ci", "$5$salt$" + repeat('h', 86),
            "token", "is not a well-formed hash"),
        rejectClient("Apache MD5 salt too long", "ci", "$apr1$" + repeat('s', 9) + "$"
            + repeat('h', 22), "token", "is not a well-formed hash"),
        rejectClient("unsupported hash", "ci", "$1$saltsalt$" + repeat('h', 22), "token",
            "looks like a plaintext token"));
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        accept("32 clients", clients(clients(32))),
        accept("a private endpoint without clients", clients(List.of())),
        acceptClient("SHA-512 crypt", SHA512_HASH),
        acceptClient("SHA-512 crypt with rounds",
            "$6$rounds=5000$saltsalt" + SHA512_HASH.substring("$6$saltsalt".length())),
        acceptClient("SHA-512 crypt with a one-character salt",
            "$6$x$e.FwTni1dGnlvS1zzlSCvnZ0IMOCep5aR64VQIaYfPWGqITSR26coGXEBGOsLuOp9iotC/t8uhsB9nW"
                + "4Urs8H1"),
        acceptClient("SHA-256 crypt", "$5$saltsalt$i1q2ZQzc.tl/BQ6CHiENAcVDvEY6nJ1OWlWXKh94b1."),
        acceptClient("Apache MD5", "$apr1$saltsalt$64vPg1.FPS6FtcYJ7Ti1V."));
  }

  @Test
  void neverRepeatsATokenInAMessage() {
    List<Violation> violations = SpecValidator.withDefaults().validate(Specs.NAME,
        clients(List.of(EndpointClient.of("ci", PLAINTEXT),
            EndpointClient.of("ci2", "$6$" + PLAINTEXT))).apply(Specs.valid()));

    assertThat(violations).hasSize(2)
        .allSatisfy(violation -> assertThat(violation.toString()).doesNotContain(PLAINTEXT));
  }

  private static Arguments rejectClient(
      String label, String name, String token, String field, String message) {
    return reject(label, clients(List.of(EndpointClient.of(name, token))),
        "spec.endpoint.clients[0]." + field, message);
  }

  private static Arguments acceptClient(String label, String token) {
    return accept(label, clients(List.of(EndpointClient.of("ci.bot_1-a", token))));
  }
}
