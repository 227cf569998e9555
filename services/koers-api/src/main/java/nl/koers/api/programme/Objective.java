package nl.koers.api.programme;

public record Objective(String id, String statement) {
}
