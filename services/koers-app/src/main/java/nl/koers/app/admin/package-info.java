/** Rebuilding the read model from the event store: on request of an admin, or from the command line at start. */
package nl.koers.app.admin;
