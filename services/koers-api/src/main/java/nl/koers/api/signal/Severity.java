package nl.koers.api.signal;

/** Ordered from least to most severe. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
