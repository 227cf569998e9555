package nl.koers.navigation.rules;

/** How urgently a course-correction signal asks for steering, mildest first. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
