package nl.koers.tracking.programme;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import nl.koers.api.RuleViolationException;
import nl.koers.api.programme.Objective;

/** The rule for the objectives a programme is defined with: each has an id and a statement, and no id comes twice. */
final class Objectives {

    private Objectives() {
    }

    static void requireComplete(List<Objective> objectives) {
        Set<String> ids = new HashSet<>();
        for (Objective objective : objectives) {
            if (objective == null || objective.id() == null || objective.id().isBlank()
                    || objective.statement() == null || objective.statement().isBlank()) {
                throw new RuleViolationException("objectives", "every objective needs an id and a statement");
            }
            if (!ids.add(objective.id())) {
                throw new RuleViolationException("objectives", "objective id " + objective.id() + " is used twice");
            }
        }
    }
}
