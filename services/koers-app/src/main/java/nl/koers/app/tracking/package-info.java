/**
 * The write path's plumbing around koers-tracking's aggregates: their registration with Axon, the command gateway, KPI
 * commands committed in groups, the KPIs kept in memory and snapshotted from there, retries after a lost race, and the
 * programme directory.
 */
package nl.koers.app.tracking;
