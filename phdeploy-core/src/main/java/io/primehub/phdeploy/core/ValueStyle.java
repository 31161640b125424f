package io.primehub.phdeploy.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of phdeploy's value types: JDK collections only, public
 * {@code Immutable*} implementations with builders and {@code with*} copies, and no Guava. The
 * fabric8 schema annotations are passed on to the implementations, where the CRD generator
 * reads them.
 * Applied to packages through {@code package-info.java}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    jdkOnly = true,
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = true),
    passAnnotations = {
      com.fasterxml.jackson.annotation.JsonPropertyDescription.class,
      io.fabric8.generator.annotation.Required.class,
      io.fabric8.generator.annotation.Min.class,
      io.fabric8.generator.annotation.Max.class,
      io.fabric8.generator.annotation.Pattern.class
    })
public @interface ValueStyle {}
