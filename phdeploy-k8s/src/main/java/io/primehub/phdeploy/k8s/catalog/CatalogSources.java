package io.primehub.phdeploy.k8s.catalog;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the catalog sources with the settings the controller uses, and picks the one the
 * standalone controller's environment asks for.
 */
public final class CatalogSources {

  /** The environment variable with the path of a YAML catalog file. */
  public static final String CATALOG_VARIABLE = "PHDEPLOY_CATALOG";

  /** The environment variable with the URL of PrimeHub's GraphQL API. */
  public static final String GRAPHQL_URL_VARIABLE = "PHDEPLOY_GRAPHQL_URL";

  /** The environment variable with the secret for PrimeHub's GraphQL API. */
  public static final String GRAPHQL_SECRET_VARIABLE = "PHDEPLOY_GRAPHQL_SECRET";

  private CatalogSources() {}

  /**
   * A YAML catalog file, read now and whenever its directory changes.
   *
   * @throws UncheckedIOException if the file's directory does not exist or cannot be watched
   */
  public static FileCatalogSource fromFile(Path file) {
    return FileCatalogSource.watching(file);
  }

  /** A YAML catalog in the key {@value ConfigMapCatalogSource#DEFAULT_KEY} of a ConfigMap. */
  public static ConfigMapCatalogSource fromConfigMap(
      KubernetesClient client, String namespace, String name) {
    return fromConfigMap(client, namespace, name, ConfigMapCatalogSource.DEFAULT_KEY);
  }

  /** A YAML catalog in a key of a ConfigMap, watched until closed. */
  public static ConfigMapCatalogSource fromConfigMap(
      KubernetesClient client, String namespace, String name, String key) {
    return ConfigMapCatalogSource.watching(client, namespace, name, key);
  }

  /**
   * PrimeHub's GraphQL API with the default time to live, timeouts, retry and circuit breaker.
   *
   * @throws IllegalArgumentException if the URL is not http or https or the secret is blank
   */
  public static GraphQlCatalogSource fromGraphQl(URI url, String secret) {
    return GraphQlCatalogSource.builder(url, secret).build();
  }

  /**
   * The source the environment names: a YAML file from {@value #CATALOG_VARIABLE}, or PrimeHub's
   * GraphQL API from {@value #GRAPHQL_URL_VARIABLE} and {@value #GRAPHQL_SECRET_VARIABLE}.
   * Blank values count as unset.
   *
   * @throws IllegalArgumentException naming the variable if neither or both sources are set, or
   *     a value is unusable; the message never holds the secret
   */
  public static CloseableCatalogSource fromEnvironment(Map<String, String> environment) {
    String file = setting(environment, CATALOG_VARIABLE);
    String url = setting(environment, GRAPHQL_URL_VARIABLE);
    if (file != null && url != null) {
      throw new IllegalArgumentException("Set either " + CATALOG_VARIABLE + " or "
          + GRAPHQL_URL_VARIABLE + ", not both: the controller reads one catalog.");
    }
    if (file != null) {
      return fileFromEnvironment(file);
    }
    if (url != null) {
      return graphQlFromEnvironment(url, setting(environment, GRAPHQL_SECRET_VARIABLE));
    }
    throw new IllegalArgumentException("Set " + CATALOG_VARIABLE + " to the path of a YAML"
        + " catalog, or " + GRAPHQL_URL_VARIABLE + " and " + GRAPHQL_SECRET_VARIABLE
        + " to PrimeHub's GraphQL API: the controller needs its groups and instance types.");
  }

  private static FileCatalogSource fileFromEnvironment(String file) {
    try {
      return fromFile(Path.of(file));
    } catch (InvalidPathException | UncheckedIOException e) {
      throw new IllegalArgumentException(CATALOG_VARIABLE + "=" + file + " is unusable: "
          + e.getMessage(), e);
    }
  }

  private static GraphQlCatalogSource graphQlFromEnvironment(String url, String secret) {
    if (secret == null) {
      throw new IllegalArgumentException(
          GRAPHQL_SECRET_VARIABLE + " must be set when " + GRAPHQL_URL_VARIABLE + " is.");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          GRAPHQL_URL_VARIABLE + "=" + url + " is not a URL: " + e.getMessage(), e);
    }
    try {
      return fromGraphQl(uri, secret);
    } catch (IllegalArgumentException e) {
      // The builder rejects only the URL here, since the secret is known to be set.
      throw new IllegalArgumentException(GRAPHQL_URL_VARIABLE + ": " + e.getMessage(), e);
    }
  }

  private static String setting(Map<String, String> environment, String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }
}
