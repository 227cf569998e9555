package nl.koers.app.security;

/**
 * What a caller may do. OFFICE defines and changes programmes, KPIs, milestones and evaluations (and may do what a
 * team does); TEAM records readings and milestone forecasts; STEERING records evaluation outcomes, acknowledges
 * signals and approves re-baselines; VIEWER reads. Every role reads.
 */
public enum Role {
    OFFICE, TEAM, STEERING, VIEWER
}
