package nl.koers.app.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import nl.koers.api.NotFoundException;
import nl.koers.navigation.report.Document;
import nl.koers.navigation.report.SteeringReports;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The steering report, as Markdown or as a printable HTML page, whichever the caller accepts first. */
@RestController
@RequestMapping("/api/v1/programmes/{pid}")
class ReportController {

    static final MediaType TEXT_MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");
    static final MediaType TEXT_HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    private final SteeringReports reports;
    private final Clock clock;

    ReportController(SteeringReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** {@code asOf} defaults to now, {@code since} to the previous evaluation's outcome. */
    @Operation(summary = "The steering report", description = "Health beside the last delivery confidence, KPIs against plan, milestones, signals and decisions, as of `asOf` (default now) and since `since` (default the previous evaluation); Markdown or a printable HTML page, as the caller accepts.")
    @GetMapping(path = "/report", produces = {"text/markdown;charset=UTF-8", "text/html;charset=UTF-8"})
    ResponseEntity<String> report(@PathVariable String pid, @RequestParam(required = false) Instant asOf,
                                  @RequestParam(required = false) Instant since,
                                  @RequestHeader(name = "Accept", required = false) String accept) {
        Instant at = asOf == null ? clock.instant() : asOf;
        HistoryController.requireOrdered("since", since, "asOf", at);
        Document report = reports.report(pid, at, since)
                .orElseThrow(() -> new NotFoundException("There is no programme '" + pid + "' as of " + at + "."));
        boolean html = prefersHtml(accept);
        return ResponseEntity.ok()
                .contentType(html ? TEXT_HTML : TEXT_MARKDOWN)
                .body(html ? report.toHtml() : report.toMarkdown());
    }

    private static boolean prefersHtml(String accept) {
        if (accept == null) {
            return false;
        }
        List<MediaType> accepted = MediaType.parseMediaTypes(accept);
        MimeTypeUtils.sortBySpecificity(accepted);
        for (MediaType type : accepted) {
            if (type.isCompatibleWith(TEXT_MARKDOWN) && !type.isWildcardSubtype()) {
                return false;
            }
            if (type.isCompatibleWith(TEXT_HTML) && !type.isWildcardSubtype()) {
                return true;
            }
        }
        return false;
    }
}
