package nl.koers.api.signal;

/** What a signal is about. */
public record Subject(Kind kind, String id, String programmeId) {

    public enum Kind {
        PROGRAMME, KPI, MILESTONE, EVALUATION
    }

    public static Subject programme(String programmeId) {
        return new Subject(Kind.PROGRAMME, programmeId, programmeId);
    }

    public static Subject kpi(String programmeId, String kpiId) {
        return new Subject(Kind.KPI, kpiId, programmeId);
    }

    public static Subject milestone(String programmeId, String milestoneId) {
        return new Subject(Kind.MILESTONE, milestoneId, programmeId);
    }

    public static Subject evaluation(String programmeId, String evaluationId) {
        return new Subject(Kind.EVALUATION, evaluationId, programmeId);
    }
}
