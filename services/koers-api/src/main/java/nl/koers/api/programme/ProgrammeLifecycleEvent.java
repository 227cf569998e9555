package nl.koers.api.programme;

import nl.koers.api.ProgrammeEvent;

/** An event about the programme itself: its definition and its status. */
public interface ProgrammeLifecycleEvent extends ProgrammeEvent {
}
