package io.primehub.phdeploy.k8s.config;

import io.primehub.phdeploy.core.quota.Quantities;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/** The rules a {@link ControllerConfig} must meet, each broken rule stated for a person. */
final class ConfigChecks {

  /**
   * A DNS-1123 subdomain. Not a wildcard: the base URL of the prediction endpoints is derived
   * from the host, and every deployment is routed by its path on one host anyway.
   */
  private static final Pattern HOST =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private ConfigChecks() {}

  /** Every rule the configuration breaks; empty when it is valid. */
  static List<String> problemsOf(ControllerConfig config) {
    List<String> problems = new ArrayList<>();
    checkBaseUrl(config.baseUrl(), problems);
    checkNotBlank("engineImage", config.engineImage(), problems);
    checkNotBlank("storageInitializerImage", config.storageInitializerImage(), problems);
    checkPositiveQuantity("engineCpu", config.engineCpu(), Quantities::cpuMillis, problems);
    checkPositiveQuantity("engineMemory", config.engineMemory(), Quantities::bytes, problems);
    checkIngress(config, problems);
    if (config.deployTimeout().isNegative() || config.deployTimeout().isZero()) {
      problems.add("deployTimeout must be positive, got " + config.deployTimeout());
    }
    if (config.maxSurge() < 1) {
      problems.add("maxSurge must be at least 1 (maxUnavailable is always 0), got "
          + config.maxSurge());
    }
    checkNotBlank("phfsClaimName", config.phfsClaimName(), problems);
    if (config.mlflowTrackingUri() != null) {
      checkNotBlank("mlflowTrackingUri", config.mlflowTrackingUri(), problems);
    }
    return problems;
  }

  private static void checkIngress(ControllerConfig config, List<String> problems) {
    String host = config.ingressHost();
    if (host != null && !HOST.matcher(host).matches()) {
      problems.add("ingressHost must be a DNS name such as models.example.com, got '" + host + "'");
    }
    if (config.ingressClassName() != null) {
      checkNotBlank("ingressClassName", config.ingressClassName(), problems);
    }
    if (config.ingressTlsSecret() != null && host == null) {
      problems.add("ingressTlsSecret needs ingressHost, because TLS is configured per host");
    }
    for (String key : config.ingressAnnotations().keySet()) {
      if (key.toLowerCase(Locale.ROOT).endsWith("-snippet")) {
        problems.add("ingressAnnotations must not contain '" + key + "': snippet annotations"
            + " inject raw nginx configuration (CVE-2021-25742), so phdeploy never emits them");
      }
    }
  }

  private static void checkBaseUrl(String baseUrl, List<String> problems) {
    try {
      URI uri = new URI(baseUrl);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean http = scheme.equals("http") || scheme.equals("https");
      if (!http || uri.getHost() == null || uri.getRawUserInfo() != null
          || uri.getRawQuery() != null || uri.getRawFragment() != null) {
        problems.add("baseUrl must be an absolute http(s) URL without credentials, query or"
            + " fragment, such as https://primehub.example.com, got '" + baseUrl + "'");
      }
    } catch (URISyntaxException e) {
      problems.add("baseUrl is not a URL: " + e.getMessage());
    }
  }

  private static void checkNotBlank(String setting, String value, List<String> problems) {
    if (value.isBlank()) {
      problems.add(setting + " must not be blank");
    }
  }

  private static void checkPositiveQuantity(
      String setting, String value, ToLongFunction<String> parse, List<String> problems) {
    try {
      if (parse.applyAsLong(value) <= 0) {
        problems.add(setting + " must be positive, got '" + value + "'");
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      problems.add(setting + " must be a Kubernetes quantity, got '" + value + "'");
    }
  }
}
