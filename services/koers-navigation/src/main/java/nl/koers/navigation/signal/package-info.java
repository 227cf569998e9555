/**
 * The signal view: signals with their current state, in the same parts as the programme view (tables, projection,
 * fold, views) behind {@link nl.koers.navigation.signal.SignalReader}, and the signal sweep's candidates
 * ({@link nl.koers.navigation.signal.SweepTables}).
 */
package nl.koers.navigation.signal;
