/**
 * What Prometheus scrapes beyond Spring's own meters: Axon's message monitors under Prometheus names, and the
 * portfolio's state as gauges.
 */
package nl.koers.app.metrics;
