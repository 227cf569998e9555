package nl.koers.navigation.report;

import java.time.LocalDate;
import java.util.List;

import nl.koers.api.milestone.MilestoneAchieved;
import nl.koers.api.milestone.MilestoneCancelled;
import nl.koers.api.milestone.MilestoneEvent;
import nl.koers.api.milestone.MilestoneForecastUpdated;
import nl.koers.api.milestone.MilestoneRebaselined;
import nl.koers.navigation.history.HistoryEntry;
import nl.koers.navigation.programme.MilestoneView;

/** The milestones on a timeline and in a table, with how they moved since the last meeting. */
final class MilestoneSection {

    private MilestoneSection() {
    }

    static void write(Document document, ReportContext report) {
        Words words = report.words();
        List<MilestoneView> milestones = report.programme().milestones();
        document.heading(2, words.text("milestones.title"));
        if (!milestones.isEmpty()) {
            document.paragraph(words.text("milestones.legend"))
                    .figures(List.of(new MilestoneTimeline(report.programme(), report.at(), words).figure()), false);
        }
        document.table(List.of(words.text("column.milestone"), words.text("column.due"),
                        words.text("column.originallyDue"), words.text("column.milestoneForecast"), words.text("column.slip"),
                        words.text("column.state")),
                milestones.stream().map(milestone -> List.of(Document.Cell.plain(milestone.title()),
                        Document.Cell.plain(words.date(milestone.dueDate())),
                        Document.Cell.plain(words.date(milestone.originalDueDate())),
                        Document.Cell.plain(words.date(milestone.forecastDate())),
                        Document.Cell.plain(milestone.slipDays() == null ? "-"
                                : words.text("milestones.days", milestone.slipDays())),
                        state(words, milestone))).toList());
        document.heading(3, words.text("milestones.movements", report.since())).bullets(report.changes().milestoneMoves().stream()
                .map(entry -> movement(report, entry)).toList());
    }

    static Document.Cell state(Words words, MilestoneView milestone) {
        if (milestone.cancelled()) {
            return new Document.Cell(words.text("milestones.cancelled"), Tone.NEUTRAL);
        }
        if (milestone.achievedOn() != null) {
            return new Document.Cell(words.text("milestones.achieved", words.date(milestone.achievedOn())), Tone.GOOD);
        }
        Tone tone = milestone.slipDays() == null || milestone.slipDays() <= 0 ? Tone.GOOD
                : MilestoneTimeline.lateTone(milestone);
        return new Document.Cell(words.text(tone == Tone.GOOD ? "milestones.onTime" : "milestones.late"), tone);
    }

    /** One movement of a milestone, in the reader's words. */
    static String movement(ReportContext report, HistoryEntry entry) {
        Words words = report.words();
        MilestoneEvent event = (MilestoneEvent) report.event(entry);
        String title = report.programme().milestones().stream()
                .filter(milestone -> milestone.id().equals(event.milestoneId())).map(MilestoneView::title)
                .findFirst().orElse(event.milestoneId());
        String when = words.moment(entry.recordedAt());
        if (event instanceof MilestoneRebaselined e) {
            return words.text("milestones.rebaselined", when, title, date(words, e.previousDueDate()),
                    date(words, e.dueDate()), e.reason(), e.approvedBy());
        } else if (event instanceof MilestoneForecastUpdated e) {
            return words.text(e.reason() == null ? "milestones.forecastMoved" : "milestones.forecastMovedBecause",
                    when, title, e.previousForecastDate() == null ? words.text("milestones.noForecast")
                            : date(words, e.previousForecastDate()),
                    date(words, e.forecastDate()), e.reason());
        } else if (event instanceof MilestoneAchieved e) {
            return words.text("milestones.achievedOn", when, title, date(words, e.achievedOn()));
        } else if (event instanceof MilestoneCancelled e) {
            return words.text("milestones.cancelledBecause", when, title, e.reason());
        }
        throw new IllegalArgumentException("Not a movement of a milestone: " + event);
    }

    private static String date(Words words, LocalDate date) {
        return date == null ? "-" : words.date(date);
    }
}
