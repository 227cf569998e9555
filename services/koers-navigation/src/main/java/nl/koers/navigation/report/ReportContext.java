package nl.koers.navigation.report;

import java.time.Instant;

import nl.koers.api.ProgrammeEvent;
import nl.koers.api.signal.Subject;
import nl.koers.navigation.JsonText;
import nl.koers.navigation.history.Changes;
import nl.koers.navigation.history.HistoryEntry;
import nl.koers.navigation.programme.EvaluationView;
import nl.koers.navigation.programme.KpiView;
import nl.koers.navigation.programme.MilestoneView;
import nl.koers.navigation.programme.ProgrammeView;
import nl.koers.navigation.programme.ReportFacts;
import nl.koers.navigation.signal.SignalView;
import nl.koers.rules.Days;

/** What every part of one report reads: the facts as of {@code at}, the changes since, and the reader's words. */
record ReportContext(ReportFacts facts, Changes changes, Instant at, Words words, JsonText json) {

    ProgrammeView programme() {
        return facts.programme();
    }

    /** The day the changes are counted from, in the reader's words. */
    String since() {
        return words.date(Days.dateOf(changes.from()));
    }

    /** A history entry's event, as the event it is. */
    ProgrammeEvent event(HistoryEntry entry) {
        return json.read(entry.data().text(), entry.eventType());
    }

    /** What a signal is about, by the name people use for it (the id where it is not known, e.g. since deleted). */
    String name(Subject subject) {
        ProgrammeView programme = programme();
        return switch (subject.kind()) {
            case PROGRAMME -> programme.name();
            case KPI -> programme.kpis().stream().filter(k -> k.id().equals(subject.id())).map(KpiView::name)
                    .findFirst().orElse(subject.id());
            case MILESTONE -> programme.milestones().stream().filter(m -> m.id().equals(subject.id()))
                    .map(MilestoneView::title).findFirst().orElse(subject.id());
            case EVALUATION -> programme.evaluations().stream().filter(e -> e.id().equals(subject.id()))
                    .map(EvaluationView::title).findFirst().orElse(subject.id());
        };
    }

    /** The unit of the KPI a signal is about; null for other subjects. */
    String unit(Subject subject) {
        return subject.kind() != Subject.Kind.KPI ? null : programme().kpis().stream()
                .filter(k -> k.id().equals(subject.id())).map(KpiView::unit).findFirst().orElse(null);
    }

    /** The signal's sentence in the reader's language. */
    String sentence(SignalView signal) {
        return new SignalSentences(words).of(signal.type(), signal.severity(), signal.evidence(),
                name(signal.subject()), unit(signal.subject()), signal.explanation());
    }
}
