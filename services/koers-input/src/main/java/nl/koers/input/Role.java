package nl.koers.input;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a caller may do. OFFICE defines and changes programmes, KPIs, milestones and evaluations (and may do what a
 * team does); TEAM records readings and milestone forecasts; STEERING records evaluation outcomes, acknowledges
 * signals and approves re-baselines; VIEWER reads. Every role reads.
 */
@Schema(enumAsRef = true, description = "OFFICE: programmes, KPIs, milestones, evaluations; TEAM: readings and forecasts; "
        + "STEERING: outcomes, acknowledgements, re-baselines; VIEWER: reads")
public enum Role {
    OFFICE, TEAM, STEERING, VIEWER
}
