/**
 * An application that embeds the phdeploy controller: it builds it from its own Kubernetes
 * client, catalog and configuration, adjusts the generated resources with a hook, audits each
 * reconcile, and reports metrics through Micrometer.
 */
package io.primehub.phdeploy.examples.embedded;
