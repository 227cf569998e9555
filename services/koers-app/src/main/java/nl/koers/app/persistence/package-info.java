/**
 * PostgreSQL: the event store on Axon's JDBC storage engine, {@code bytea} payloads, the embedded database of a
 * newcomer's start, and the session locks that let one instance at a time do a job.
 */
package nl.koers.app.persistence;
