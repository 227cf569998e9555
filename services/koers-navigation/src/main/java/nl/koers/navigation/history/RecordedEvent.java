package nl.koers.navigation.history;

import java.time.Instant;

import nl.koers.api.ProgrammeEvent;

/** An event as it was recorded, for views that fold a programme's history up to a moment. */
public record RecordedEvent(ProgrammeEvent event, Instant recordedAt) {
}
