package nl.koers.http.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.Lever;

/** Portfolio documents to and from files of each format, and the workbook template to start one from. */
public final class PortfolioFiles {

    /** The example row of each sheet of the template. */
    static final PortfolioDocument EXAMPLE = new PortfolioDocument(List.of(new PortfolioDocument.Programme(
            "digital-permits", "Digital permits", "Permits requested, decided and issued online.", "Programme office",
            LocalDate.of(2026, 1, 1), LocalDate.of(2027, 6, 30),
            List.of(new PortfolioDocument.Objective("faster", "Permits decided within 4 weeks")),
            List.of(new PortfolioDocument.Kpi("lead-time", "Permit lead time", "days", Direction.LOWER_IS_BETTER,
                    BigDecimal.valueOf(56), LocalDate.of(2026, 1, 1), BigDecimal.valueOf(28), LocalDate.of(2026, 12, 31),
                    BigDecimal.valueOf(3), "P1W", "faster", Lever.PROCESS, null)),
            List.of(new PortfolioDocument.Milestone("pilot-live", "Pilot municipality live", LocalDate.of(2026, 6, 1),
                    LocalDate.of(2026, 1, 5), null, null)),
            List.of(new PortfolioDocument.Evaluation("q1-review", "Q1 steering committee", LocalDate.of(2026, 3, 31))))));

    private PortfolioFiles() {
    }

    public static PortfolioDocument read(PortfolioFormat format, byte[] body) throws UnreadableDocument, UnexpectedContent {
        if (body.length == 0) {
            throw new UnreadableDocument("The file is empty.");
        }
        return format == PortfolioFormat.XLSX ? PortfolioWorkbook.read(body) : PortfolioText.read(format, body);
    }

    public static byte[] write(PortfolioFormat format, PortfolioDocument document) {
        return format == PortfolioFormat.XLSX ? PortfolioWorkbook.write(document) : PortfolioText.write(format, document);
    }

    /** A workbook with one example row per sheet, to be replaced by the portfolio's own. */
    public static byte[] template() {
        return PortfolioWorkbook.write(EXAMPLE);
    }
}
