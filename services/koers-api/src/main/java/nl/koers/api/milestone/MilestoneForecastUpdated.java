package nl.koers.api.milestone;

import java.time.LocalDate;

import nl.koers.api.ProgrammeEvent;

public record MilestoneForecastUpdated(
        String programmeId, String milestoneId, LocalDate forecastDate, LocalDate previousForecastDate, String reason) implements ProgrammeEvent {
}
