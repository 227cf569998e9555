package nl.koers.api.evaluation;

import nl.koers.api.ProgrammeEvent;

/** An event about one evaluation: its scheduling and its outcome. */
public interface EvaluationEvent extends ProgrammeEvent {

    String evaluationId();
}
