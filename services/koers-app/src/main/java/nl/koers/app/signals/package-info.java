/**
 * The signal sweep: the signals that depend on the passing of time or on more than one aggregate, checked on a schedule
 * by one instance at a time.
 */
package nl.koers.app.signals;
