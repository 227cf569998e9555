/**
 * Axon's event processors across instances: node ids, the sharing of segments between the instances on one database,
 * and the event store as a source that tells the Kafka publisher when new events are there.
 */
package nl.koers.app.processors;
