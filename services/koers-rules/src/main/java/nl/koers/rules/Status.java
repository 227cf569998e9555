package nl.koers.rules;

/** The RAG status of a reading, and of a KPI (its latest reading's), or NO_DATA without readings. */
public enum Status {
    GREEN, AMBER, RED, NO_DATA
}
