package nl.koers.navigation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalType;
import org.junit.jupiter.api.Test;

class SignalSentencesTest {

    private static final String STORED = "the stored explanation";

    private final SignalSentences english = new SignalSentences(new Words(Language.EN));
    private final SignalSentences dutch = new SignalSentences(new Words(Language.NL));

    @Test
    void aSentenceIsWrittenFromTheTypeAndEvidenceInEachLanguage() {
        Map<String, Object> evidence = Map.of("dueDate", "2026-07-01", "forecastDate", "2026-07-15", "slipDays", 14,
                "plannedDays", 181, "slipPercent", new BigDecimal("7.73"));

        assertThat(english.of(SignalType.MILESTONE_SLIPPING, Severity.WARNING, evidence, "Pilot", null, STORED))
                .isEqualTo("“Pilot” is forecast for 15 July 2026, 14 days after its due date of 1 July 2026: a slip of"
                        + " 7.73 % of the 181 days planned for it.");
        assertThat(dutch.of(SignalType.MILESTONE_SLIPPING, Severity.CRITICAL, evidence, "Pilot", null, STORED))
                .isEqualTo("„Pilot” wordt verwacht op 15 juli 2026, 14 dagen na de einddatum van 1 juli 2026: een"
                        + " uitloop van 7,73 % van de 181 geplande dagen, 30 % of meer.");
    }

    @Test
    void numbersCarryTheirUnitAndTheVariantFollowsTheEvidence() {
        Map<String, Object> evidence = Map.of("value", new BigDecimal("15"), "plan", new BigDecimal("23.6"),
                "deviation", new BigDecimal("-8.6"), "tolerance", new BigDecimal("5"), "status", "RED",
                "measuredAt", "2026-03-08T00:00:00Z", "readingId", "w10");

        assertThat(dutch.of(SignalType.KPI_OFF_PLAN, Severity.CRITICAL, evidence, "Digitale aanvragen", "%", STORED))
                .isEqualTo("Digitale aanvragen was 15 % op 8 maart 2026, 8,6 slechter dan het plan van 23,6 %: meer"
                        + " dan tweemaal de tolerantie van 5.");
    }

    @Test
    void extraEvidenceIsIgnoredAndMissingEvidenceFallsBackToTheStoredExplanation() {
        Map<String, Object> evidence = new LinkedHashMap<>(Map.of("dueDate", "2026-07-01", "daysOverdue", 3,
                "confidenceLower", 1, "somethingNew", List.of("x")));

        assertThat(english.of(SignalType.MILESTONE_OVERDUE, Severity.WARNING, evidence, "Pilot", null, STORED))
                .isEqualTo("“Pilot” was due on 1 July 2026 and is 3 days overdue: neither achieved nor cancelled.");
        evidence.remove("daysOverdue");
        assertThat(english.of(SignalType.MILESTONE_OVERDUE, Severity.WARNING, evidence, "Pilot", null, STORED))
                .isEqualTo(STORED);
        assertThat(english.of(SignalType.KPI_STALE, Severity.INFO, Map.of("daysSince", "not a number",
                "lastActivityAt", "yesterday", "allowedDays", 10), "Lead time", "days", STORED)).isEqualTo(STORED);
        assertThat(english.of(SignalType.KPI_STALE, Severity.INFO, null, "Lead time", "days", STORED)).isEqualTo(STORED);
    }

    @Test
    void leversAreNamedInTheReadersLanguage() {
        assertThat(dutch.of(SignalType.LEVER_UNMEASURED, Severity.INFO,
                Map.of("unmeasuredLevers", List.of("STORY", "SUPPORT")), "Programma", null, STORED))
                .isEqualTo("Deze hefbomen hebben geen KPI: Verhaal, Ondersteuning.");
    }
}
