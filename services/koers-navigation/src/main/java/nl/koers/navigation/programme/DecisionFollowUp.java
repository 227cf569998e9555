package nl.koers.navigation.programme;

import java.util.List;

import nl.koers.rules.CourseCorrection;

/**
 * An ADJUST decision and, for each KPI it addressed, whether the course correction worked: the trend before and
 * after the day it was held, and whether the KPI moved toward its plan line.
 */
public record DecisionFollowUp(EvaluationView evaluation, List<KpiFollowUp> kpis) {

    public record KpiFollowUp(String kpiId, String name, CourseCorrection correction) {
    }
}
