/** Milestones: planned, re-baselined, forecast, achieved or cancelled. */
package nl.koers.api.milestone;
