/**
 * What the aggregates share to own their signals: the {@link nl.koers.tracking.signal.SignalBoard}, an aggregate
 * member that turns what the rules detect into signal events, raising each once per condition so a replay raises
 * nothing twice, and {@link nl.koers.tracking.signal.Figures}, the numbers as a signal's sentence shows them.
 */
package nl.koers.tracking.signal;
