package nl.koers.api.evaluation;

import java.time.LocalDate;

import nl.koers.api.ProgrammeEvent;

public record EvaluationScheduled(String programmeId, String evaluationId, String title, LocalDate scheduledFor) implements ProgrammeEvent {
}
