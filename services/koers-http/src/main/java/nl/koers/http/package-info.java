/**
 * The HTTP API: one controller per resource with its requests, problem details for every failure, bulk readings from
 * CSV, the OpenAPI document's customisation, the command metadata taken from a request, and read-your-writes
 * ({@code Koers-Position}).
 */
package nl.koers.http;
