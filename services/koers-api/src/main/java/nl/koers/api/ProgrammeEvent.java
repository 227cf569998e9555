package nl.koers.api;

/**
 * Every event belongs to one programme. Consumers that must see a programme's events in order (projections, the
 * Kafka publisher) sequence by this id.
 */
public interface ProgrammeEvent {

    String programmeId();
}
