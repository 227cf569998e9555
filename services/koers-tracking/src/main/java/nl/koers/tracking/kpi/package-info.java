/**
 * The KPI aggregate ({@link nl.koers.tracking.kpi.Kpi}), one per KPI so readings to different KPIs never contend, and
 * the classes it does its work with: its readings in measured order and the shift detector's walk over them
 * ({@code KpiReadings}, {@code ShiftTrack}), its targets in force and their rules ({@code TargetInForce}), and its
 * signals, found by the rules of koers-rules ({@code KpiSignalChecks}) and put in words ({@code KpiSignals}).
 */
package nl.koers.tracking.kpi;
