package nl.koers.api.milestone;

import java.time.LocalDate;

public record MilestoneForecastUpdated(
        String programmeId, String milestoneId, LocalDate forecastDate, LocalDate previousForecastDate, String reason) implements MilestoneEvent {
}
