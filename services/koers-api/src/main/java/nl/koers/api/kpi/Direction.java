package nl.koers.api.kpi;

public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
