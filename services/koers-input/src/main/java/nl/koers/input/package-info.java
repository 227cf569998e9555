/**
 * What every door accepts alike, and from whom: id formats, moments, storable text (the HTTP API, Kafka ingestion), and
 * the caller behind a request with its roles and programmes (the HTTP API, subscriptions).
 */
package nl.koers.input;
