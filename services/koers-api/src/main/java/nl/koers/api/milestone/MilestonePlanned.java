package nl.koers.api.milestone;

import java.time.LocalDate;

import nl.koers.api.ProgrammeEvent;

/**
 * A milestone was planned. {@code startDate}: when its work starts, null when it starts with the programme (events
 * stored before milestones had a start date read so too).
 */
public record MilestonePlanned(String programmeId, String milestoneId, String title, LocalDate dueDate, LocalDate startDate)
        implements ProgrammeEvent {

    /** A milestone whose work starts with its programme. */
    public MilestonePlanned(String programmeId, String milestoneId, String title, LocalDate dueDate) {
        this(programmeId, milestoneId, title, dueDate, null);
    }
}
