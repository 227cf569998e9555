package nl.koers.app.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import nl.koers.api.NotFoundException;
import nl.koers.api.RuleViolationException;
import nl.koers.tracking.ProgrammeDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Readings of a programme's KPIs from a spreadsheet: a CSV file, one reading per row. */
@RestController
@RequestMapping(path = "/api/v1/programmes/{pid}/readings", produces = MediaType.APPLICATION_JSON_VALUE)
class BulkReadingController {

    static final String TEXT_CSV = "text/csv";

    private final BulkReadings readings;
    private final ProgrammeDirectory programmes;

    BulkReadingController(BulkReadings readings, ProgrammeDirectory programmes) {
        this.readings = readings;
        this.programmes = programmes;
    }

    /** 200 with the outcome of every row; 400 before any row is recorded when the header lacks a column. */
    @PostMapping(consumes = TEXT_CSV)
    BulkReadingReport record(@PathVariable String pid, @RequestParam(required = false) String rows,
                             HttpServletRequest request)
            throws IOException, ReadingsCsv.InvalidHeader, ReadingsCsv.Unreadable {
        if (rows != null && !rows.equals("all") && !rows.equals("rejected")) {
            throw new RuleViolationException("rows", "must be all or rejected");
        }
        if (programmes.find(pid).isEmpty()) {
            throw new NotFoundException("There is no programme '" + pid + "'.");
        }
        return readings.record(pid, request.getInputStream(), "all".equals(rows));
    }

    @ExceptionHandler({ReadingsCsv.InvalidHeader.class, ReadingsCsv.Unreadable.class})
    ProblemDetail unusableFile(Exception e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "invalid-csv", "Unusable CSV file", e.getMessage());
    }
}
