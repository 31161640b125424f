package io.primehub.phdeploy.core.validation;

import io.primehub.phdeploy.core.naming.OwnedNames;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/** The rules of names that Kubernetes or an external tool will use as keys. */
final class NameRules {

  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS_LABEL = Pattern.compile(LABEL);
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");

  private NameRules() {}

  /**
   * The problem of a deployment's name: it must be a DNS-1123 label short enough that
   * {@code deploy-<name>}, the name of every resource it owns, is one too.
   */
  static Optional<String> deploymentName(String name) {
    return Checks.blank(name, "give the deployment a name of lowercase letters, digits and '-'")
        .or(() -> Checks.tooLong(name, OwnedNames.MAX_DEPLOYMENT_NAME_LENGTH)
            .map(problem -> problem + ", so that the names of its resources ("
                + OwnedNames.PREFIX + "<name>) fit Kubernetes' limit of "
                + OwnedNames.MAX_LABEL_LENGTH + " characters"))
        .or(() -> dnsLabel(name));
  }

  /** The problem of a name that must be a non-empty DNS-1123 label. */
  static Optional<String> requiredDnsLabel(String name, String whatToDo) {
    return Checks.blank(name, whatToDo)
        .or(() -> Checks.tooLong(name, OwnedNames.MAX_LABEL_LENGTH))
        .or(() -> dnsLabel(name));
  }

  /** The problem of a name that must be a DNS-1123 subdomain, as Secret names are. */
  static Optional<String> dnsSubdomain(String name) {
    return Checks.tooLong(name, Checks.MAX_NAME_LENGTH)
        .or(() -> DNS_SUBDOMAIN.matcher(name).matches()
            ? Optional.empty()
            : Optional.of(Texts.quote(name) + " is not a valid Kubernetes name: use lowercase"
                + " letters, digits, '-' and '.', starting and ending with a letter or digit"));
  }

  /**
   * Reports every name of {@code names} that an earlier one already has, at the later one's path,
   * naming both entries. Blank names are left to the rule that requires a name.
   *
   * @param label how a person calls the list, for example {@code env}
   * @param pathOf the path of the name of the entry at an index
   */
  static void requireUnique(
      List<String> names, String label, IntFunction<FieldPath> pathOf, Violations out) {
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name == null || name.isBlank()) {
        continue;
      }
      Integer first = firstIndex.putIfAbsent(name, i);
      if (first != null) {
        out.add(pathOf.apply(i), Texts.quote(name) + " is used by both " + label + "[" + first
            + "] and " + label + "[" + i + "]; names must be unique, so rename or remove one");
      }
    }
  }

  private static Optional<String> dnsLabel(String name) {
    if (DNS_LABEL.matcher(name).matches()) {
      return Optional.empty();
    }
    String hint = name.equals(name.toLowerCase(Locale.ROOT))
        ? "use only lowercase letters, digits and '-', starting and ending with a letter or digit"
        : "names must be lowercase; use only lowercase letters, digits and '-'";
    return Optional.of(Texts.quote(name) + " is not a valid DNS-1123 label: " + hint);
  }
}
