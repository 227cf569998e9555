package nl.koers.api.evaluation;

import java.time.LocalDate;

public record EvaluationScheduled(String programmeId, String evaluationId, String title, LocalDate scheduledFor) implements EvaluationEvent {
}
