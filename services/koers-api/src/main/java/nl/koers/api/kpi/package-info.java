/**
 * KPIs and their readings: definition, retargeting, recording, correcting and retracting a reading, with the value
 * types a KPI is made of (cadence, direction, lever, its aggregate key) and the sweep's commands to a KPI.
 */
package nl.koers.api.kpi;
