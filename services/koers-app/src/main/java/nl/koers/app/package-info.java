/**
 * The Spring Boot application that wires the modules: it scans every {@code nl.koers} package, so the doors'
 * controllers, consumers and processors are its beans without knowing it.
 */
package nl.koers.app;
