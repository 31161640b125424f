/**
 * A small spam classifier written in Java, served by the testkit's prediction gateway in place
 * of the model image the quick start deploys.
 */
package io.primehub.phdeploy.examples.model;
