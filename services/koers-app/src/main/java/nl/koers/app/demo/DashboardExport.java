package nl.koers.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the IT Dashboard's project records (the export's own column names) into investments. A record without a
 * start, a planned or a projected completion date, or planned to complete on or before its start, is skipped and
 * counted.
 */
final class DashboardExport {

    /**
     * The investments in the order the file first names them, and how many records were skipped; {@code exportedOn}:
     * the day of the export, taken as the latest day any record was updated.
     */
    record Portfolio(List<DashboardInvestment> investments, int records, int skipped, LocalDate exportedOn) {
    }

    private DashboardExport() {
    }

    static Portfolio read(InputStream csv) throws IOException {
        Map<String, List<DashboardProject>> byInvestment = new LinkedHashMap<>();
        int records = 0;
        int skipped = 0;
        LocalDate exportedOn = null;
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                records++;
                LocalDate updated = date(record.get("Updated Date"));
                if (updated != null && (exportedOn == null || updated.isAfter(exportedOn))) {
                    exportedOn = updated;
                }
                DashboardProject project = project(record);
                if (project == null) {
                    skipped++;
                } else {
                    byInvestment.computeIfAbsent(project.investmentId(), id -> new ArrayList<>()).add(project);
                }
            }
        }
        List<DashboardInvestment> investments = byInvestment.values().stream()
                .map(projects -> new DashboardInvestment(projects.get(0).investmentId(), projects.get(0).agency(),
                        projects.get(0).investmentTitle(), projects))
                .toList();
        return new Portfolio(investments, records, skipped, exportedOn);
    }

    private static DashboardProject project(CSVRecord record) {
        LocalDate start = date(record.get("Start Date"));
        LocalDate planned = date(record.get("Planned Project Completion Date (B2)"));
        LocalDate projected = date(record.get("Projected/Actual Project Completion Date (B2)"));
        if (start == null || planned == null || projected == null || !planned.isAfter(start)) {
            return null;
        }
        return new DashboardProject(record.get("Unique Investment Identifier").trim(), record.get("Agency Name").trim(),
                record.get("Investment Title").trim(), record.get("Project ID").trim(), record.get("Project Name").trim(),
                start, planned, projected, cost(record.get("Planned Cost ($ M)")),
                cost(record.get("Projected/Actual Cost ($ M)")), date(record.get("Updated Date")));
    }

    /** The date of {@code 2012-09-29T00:00:00Z}; null when the cell holds none. */
    static LocalDate date(String cell) {
        if (cell == null || cell.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(cell.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal cost(String cell) {
        try {
            return cell == null || cell.isBlank() ? null : new BigDecimal(cell.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
