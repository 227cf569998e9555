package nl.koers.api.evaluation;

import java.time.LocalDate;

public record Action(String description, String owner, LocalDate dueDate) {
}
