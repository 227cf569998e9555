package nl.koers.api.milestone;

/**
 * A command to a planned milestone, handled by the milestone's entity in its programme: the programme checks first
 * that it is open and has the milestone.
 */
public sealed interface MilestoneCommand
        permits UpdateMilestoneForecast, RebaselineMilestone, AchieveMilestone, CancelMilestone {

    String milestoneId();
}
