package io.primehub.phdeploy.k8s.standalone;

import io.primehub.phdeploy.k8s.config.ControllerConfig;
import io.primehub.phdeploy.k8s.config.ImmutableControllerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the {@link ControllerConfig} from the environment so that each of its problems names
 * the variable at fault. {@link ControllerConfig} validates itself, but its messages name its
 * fields; so every variable is first tried alone on top of the defaults, which ties a problem
 * to it, and only the values that pass go into the configuration, whose own build can then fail
 * only for settings that do not work together.
 */
final class ConfigFromEnvironment {

  private final EnvironmentReader reader;
  private final ImmutableControllerConfig.Builder config = ControllerConfig.builder();
  private final List<Variable> applied = new ArrayList<>();

  private ConfigFromEnvironment(EnvironmentReader reader) {
    this.reader = reader;
  }

  /**
   * The configuration of every usable variable; each problem is recorded in {@code reader}, and
   * a configuration read with problems is not meant to be used.
   */
  static ControllerConfig read(EnvironmentReader reader) {
    ConfigFromEnvironment read = new ConfigFromEnvironment(reader);
    read.alone(Variable.BASE_URL, reader::text, ImmutableControllerConfig.Builder::baseUrl);
    read.alone(Variable.ENGINE_IMAGE, reader::text,
        ImmutableControllerConfig.Builder::engineImage);
    read.alone(Variable.DEPLOY_TIMEOUT, reader::duration,
        ImmutableControllerConfig.Builder::deployTimeout);
    read.alone(Variable.PROGRESS_INTERVAL, reader::duration,
        ImmutableControllerConfig.Builder::progressInterval);
    read.alone(Variable.INGRESS_CLASS, reader::text,
        ImmutableControllerConfig.Builder::ingressClassName);
    read.alone(Variable.INGRESS_HOST, reader::text,
        ImmutableControllerConfig.Builder::ingressHost);
    read.alone(Variable.PODMONITOR, reader::flag,
        ImmutableControllerConfig.Builder::podMonitorEnabled);
    read.alone(Variable.NORMAL_EVENTS, reader::flag,
        ImmutableControllerConfig.Builder::normalEvents);
    // A TLS secret is valid only with a host, so it is checked with the others together.
    reader.text(Variable.INGRESS_TLS_SECRET).ifPresent(secret -> read.apply(
        Variable.INGRESS_TLS_SECRET, secret, ImmutableControllerConfig.Builder::ingressTlsSecret));
    return read.build();
  }

  private <T> void alone(
      Variable variable,
      Function<Variable, Optional<T>> read,
      BiFunction<ImmutableControllerConfig.Builder, T, ImmutableControllerConfig.Builder> setter) {
    read.apply(variable).ifPresent(present -> {
      try {
        setter.apply(ControllerConfig.builder(), present).build();
        apply(variable, present, setter);
      } catch (IllegalArgumentException e) {
        reader.problem(variable, "is not usable: " + e.getMessage());
      }
    });
  }

  private <T> void apply(
      Variable variable,
      T value,
      BiFunction<ImmutableControllerConfig.Builder, T, ImmutableControllerConfig.Builder> setter) {
    setter.apply(config, value);
    applied.add(variable);
  }

  private ControllerConfig build() {
    try {
      return config.build();
    } catch (IllegalArgumentException e) {
      reader.problem("These settings do not work together: " + applied.stream()
          .map(Variable::variableName).collect(Collectors.joining(", ")) + ": " + e.getMessage());
      return ControllerConfig.defaults();
    }
  }
}
