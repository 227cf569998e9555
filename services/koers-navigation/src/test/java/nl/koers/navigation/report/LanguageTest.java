package nl.koers.navigation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void langWinsThenTheFirstAcceptedLanguageTheReportIsWrittenInThenEnglish() {
        assertThat(Language.of("nl", "en")).isEqualTo(Language.NL);
        assertThat(Language.of("EN", "nl")).isEqualTo(Language.EN);
        assertThat(Language.of(null, "nl-BE")).isEqualTo(Language.NL);
        assertThat(Language.of(null, "nl-NL,nl;q=0.9")).isEqualTo(Language.NL);
        assertThat(Language.of(null, "fr-BE, nl;q=0.8, en;q=0.5")).isEqualTo(Language.NL);
        assertThat(Language.of(null, "en-GB, nl;q=0.8")).isEqualTo(Language.EN);
        assertThat(Language.of(null, "de")).isEqualTo(Language.EN);
        assertThat(Language.of(null, null)).isEqualTo(Language.EN);
        assertThat(Language.of(null, ";;;q=x")).isEqualTo(Language.EN);
    }

    @Test
    void aLangTheReportIsNotWrittenInIsRefused() {
        assertThatThrownBy(() -> Language.of("fr", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
