package nl.koers.http;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @ApiResponse(responseCode = "200", description = "Every row handled: counts, and the rejected rows (or every row) with their outcome", useReturnTypeSchema = true)
    @Operation(summary = "Record readings from a CSV file", description = "A CSV file (UTF-8, header row, RFC 4180 quoting) with the columns `kpiId`, `readingId`, `measuredAt`, `value` and optional `source`, `note`, in any order. Every row is a reading with the rules of a single reading (recorded once by its `readingId`); a bad row is reported by its line number and never stops the others. A missing column is 400 before any row is recorded. `?rows=all` lists every row, else only the rejected ones. The file is read as it arrives; its limit is `koers.http.max-csv-size` (50 MB).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
            examples = @ExampleObject(name = "weekly-readings", value = "kpiId,readingId,measuredAt,value,source,note\nlead-time,2026-w06,2026-02-02,51.5,case-system,\nlead-time,2026-w07,2026-02-09,49,case-system,\"late, after the holiday backlog\"\n")))
    @PostMapping(consumes = TEXT_CSV)
    BulkReadingReport record(@PathVariable String pid, @Parameter(description = "`all` lists every row; `rejected` (the default) only the rejected ones")
                             @RequestParam(required = false) String rows,
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
