package io.primehub.phdeploy.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an optional value of the wire model that may be {@code null}. The model uses null rather
 * than {@link java.util.Optional} because a plain fabric8 client serializes it without extra
 * Jackson modules; Immutables recognises this annotation by its name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD})
public @interface Nullable {}
