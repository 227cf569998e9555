package nl.koers.rules;

import static nl.koers.api.signal.Severity.CRITICAL;
import static nl.koers.api.signal.Severity.INFO;
import static nl.koers.api.signal.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProgrammeHealthTest {

    @Test
    void isTheWorstOpenSeverity() {
        // no open signals or only INFO → GREEN; a WARNING → AMBER; a CRITICAL → RED
        assertThat(ProgrammeHealth.of(List.of())).isEqualTo(Health.GREEN);
        assertThat(ProgrammeHealth.of(List.of(INFO, INFO))).isEqualTo(Health.GREEN);
        assertThat(ProgrammeHealth.of(List.of(INFO, WARNING))).isEqualTo(Health.AMBER);
        assertThat(ProgrammeHealth.of(List.of(WARNING, CRITICAL, INFO))).isEqualTo(Health.RED);
    }
}
