/**
 * The names phdeploy gives things: the {@code deploy-<name>} of owned resources, the pod labels
 * PrimeHub selects on, the escaping of group names into label values, generated deployment ids
 * and the prediction endpoint's URL.
 */
package io.primehub.phdeploy.core.naming;
