package nl.koers.rules;

/** A programme's health: its worst open signal severity as a colour. */
public enum Health {
    GREEN, AMBER, RED
}
