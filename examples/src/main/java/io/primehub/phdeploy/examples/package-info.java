/**
 * Runnable programs of phdeploy's user journeys: the quick start, a training pipeline that
 * deploys its best model, and an application that embeds the controller.
 */
package io.primehub.phdeploy.examples;
