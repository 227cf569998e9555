package nl.koers.api.milestone;

import nl.koers.api.ProgrammeEvent;

/** An event about one milestone: its plan and every later change. */
public interface MilestoneEvent extends ProgrammeEvent {

    String milestoneId();
}
