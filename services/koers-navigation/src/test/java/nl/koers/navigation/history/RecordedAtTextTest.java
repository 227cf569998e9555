package nl.koers.navigation.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The history's instants are written as {@link Instant#toString()} writes them, to the character. */
class RecordedAtTextTest {

    @Test
    void wholeSecondsMillisMicrosAndNanosAreWrittenAsInstantWritesThem() {
        for (String moment : new String[] {"2026-03-02T11:00:00Z", "2026-03-02T11:00:00.120Z", "2026-03-02T11:00:00.000120Z",
                "2026-03-02T11:00:00.000000120Z", "2024-02-29T23:59:59.999999Z", "1970-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z"}) {
            assertThat(RecordedAtText.text(Instant.parse(moment))).isEqualTo(moment);
        }
    }

    @Test
    void anyInstantReadsTheSame() {
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-100_000_000_000L, 300_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000) * (random.nextBoolean() ? 1_000 : 1));
            assertThat(RecordedAtText.text(instant)).isEqualTo(instant.toString());
        }
    }
}
