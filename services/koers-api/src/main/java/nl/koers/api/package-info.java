/**
 * The published language of Koers: every command, event and value type as a record, grouped per part of the domain.
 * No Spring here; Axon only for the routing annotations.
 */
package nl.koers.api;
