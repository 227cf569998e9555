/**
 * The write side of Koers: the event-sourced aggregates, a {@code programme.Programme} with its milestones and
 * evaluations and a {@code kpi.Kpi} per KPI, each guarding its rules before it applies events and owning the signals
 * on what it holds. Plain Java and Axon, no Spring: the application registers the aggregates and provides the
 * {@link nl.koers.tracking.ProgrammeDirectory}. Here too the content checks the aggregates share ({@link
 * nl.koers.tracking.Require}).
 */
package nl.koers.tracking;
