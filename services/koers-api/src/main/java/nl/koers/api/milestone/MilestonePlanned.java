package nl.koers.api.milestone;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * A milestone was planned. {@code startDate}: when its work starts, null when it starts with the programme. Revision 2
 * added it (issue 19): revision 1 events, stored without it, read with none, which meant the same; on Kafka the new
 * field is a new schema version, {@code koers.MilestonePlanned.v2}.
 */
@Revision("2")
public record MilestonePlanned(String programmeId, String milestoneId, String title, LocalDate dueDate, LocalDate startDate)
        implements MilestoneEvent {

    /** A milestone whose work starts with its programme. */
    public MilestonePlanned(String programmeId, String milestoneId, String title, LocalDate dueDate) {
        this(programmeId, milestoneId, title, dueDate, null);
    }
}
