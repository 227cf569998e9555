package nl.koers.api.signal;

/** The course-correction signals of PRODUCT.md's catalogue. */
public enum SignalType {
    KPI_OFF_PLAN,
    KPI_FORECAST_MISS,
    KPI_SHIFT,
    KPI_STALE,
    MILESTONE_SLIPPING,
    MILESTONE_OVERDUE,
    MILESTONE_REBASELINED_AGAIN,
    EVALUATION_OVERDUE,
    LEVER_UNMEASURED
}
