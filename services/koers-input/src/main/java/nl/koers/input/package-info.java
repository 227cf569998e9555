/** What every way in (the HTTP API, Kafka ingestion) accepts alike: id formats, moments, storable text. */
package nl.koers.input;
