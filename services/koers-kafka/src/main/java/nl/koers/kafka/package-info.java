/**
 * Kafka in and out: readings consumed from a topic and recorded as commands (bad ones to a dead-letter topic), and the
 * store's events published as CloudEvents by a processing group of their own that never replays.
 */
package nl.koers.kafka;
