package nl.koers.http;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import nl.koers.api.NotFoundException;
import nl.koers.api.RuleViolationException;
import nl.koers.navigation.report.Document;
import nl.koers.navigation.report.Language;
import nl.koers.navigation.report.SteeringReports;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The steering report as Markdown, a printable HTML page or an A4 PDF, whichever the caller accepts first, in the
 * language asked with {@code lang} or else by {@code Accept-Language}.
 */
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
    @Operation(summary = "The steering report", description = "What needs a decision first (health beside the last delivery confidence, open CRITICAL and WARNING signals), then KPIs against plan with a chart each, a milestone timeline, the other signals and decisions, as of `asOf` (default now) and since `since` (default the previous evaluation); Markdown, a printable HTML page or an A4 PDF, as the caller accepts, in English or Dutch (`lang=en|nl`, else `Accept-Language`). `format=markdown|html|pdf` overrides `Accept`, for links such as the steering replay dashboard's.")
    @GetMapping(path = "/report",
            produces = {"text/markdown;charset=UTF-8", "text/html;charset=UTF-8", MediaType.APPLICATION_PDF_VALUE})
    ResponseEntity<?> report(@PathVariable String pid, @RequestParam(required = false) Instant asOf,
                             @RequestParam(required = false) Instant since,
                             @RequestParam(required = false) String lang,
                             @RequestParam(required = false) String format,
                             @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                             @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Instant at = asOf == null ? clock.instant() : asOf;
        HistoryController.requireOrdered("since", since, "asOf", at);
        Language language = language(lang, acceptLanguage);
        Document report = reports.report(pid, at, since, language)
                .orElseThrow(() -> new NotFoundException("There is no programme '" + pid + "' as of " + at + "."));
        MediaType type = format == null ? preferred(accept) : named(format);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE);
        if (type == MediaType.APPLICATION_PDF) {
            return answer.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + pid + "-report.pdf\"")
                    .body(report.toPdf());
        }
        return answer.body(type == TEXT_HTML ? report.toHtml() : report.toMarkdown());
    }

    private static MediaType named(String format) {
        return switch (format) {
            case "markdown" -> TEXT_MARKDOWN;
            case "html" -> TEXT_HTML;
            case "pdf" -> MediaType.APPLICATION_PDF;
            default -> throw new RuleViolationException("format", "format must be markdown, html or pdf");
        };
    }

    private static Language language(String lang, String acceptLanguage) {
        try {
            return Language.of(lang, acceptLanguage);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("lang", e.getMessage());
        }
    }

    /** The first of Markdown, HTML and PDF the caller names (most specific first); Markdown for wildcards. */
    private static MediaType preferred(String accept) {
        if (accept == null) {
            return TEXT_MARKDOWN;
        }
        List<MediaType> accepted = MediaType.parseMediaTypes(accept);
        MimeTypeUtils.sortBySpecificity(accepted);
        for (MediaType type : accepted) {
            if (type.isWildcardSubtype()) {
                continue;
            }
            for (MediaType offered : List.of(TEXT_MARKDOWN, TEXT_HTML, MediaType.APPLICATION_PDF)) {
                if (type.isCompatibleWith(offered)) {
                    return offered;
                }
            }
        }
        return TEXT_MARKDOWN;
    }
}
