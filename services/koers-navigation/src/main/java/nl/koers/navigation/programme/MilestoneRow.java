package nl.koers.navigation.programme;

import java.time.LocalDate;

/** A milestone as the projection keeps it in {@code nav_milestone}; {@code startDate} null: with the programme. */
record MilestoneRow(String programmeId, String milestoneId, String title, LocalDate startDate, LocalDate dueDate,
                    LocalDate originalDueDate, LocalDate forecastDate, LocalDate achievedOn, boolean cancelled,
                    String cancelReason) {

    static MilestoneRow planned(String programmeId, String milestoneId, String title, LocalDate startDate,
                                LocalDate dueDate) {
        return new MilestoneRow(programmeId, milestoneId, title, startDate, dueDate, dueDate, null, null, false, null);
    }

    MilestoneRow withForecastDate(LocalDate forecast) {
        return new MilestoneRow(programmeId, milestoneId, title, startDate, dueDate, originalDueDate, forecast, achievedOn,
                cancelled, cancelReason);
    }

    MilestoneRow withDueDate(LocalDate due) {
        return new MilestoneRow(programmeId, milestoneId, title, startDate, due, originalDueDate, forecastDate, achievedOn,
                cancelled, cancelReason);
    }

    MilestoneRow withAchievedOn(LocalDate achieved) {
        return new MilestoneRow(programmeId, milestoneId, title, startDate, dueDate, originalDueDate, forecastDate, achieved,
                cancelled, cancelReason);
    }

    MilestoneRow cancelledBecause(String reason) {
        return new MilestoneRow(programmeId, milestoneId, title, startDate, dueDate, originalDueDate, forecastDate, achievedOn,
                true, reason);
    }
}
