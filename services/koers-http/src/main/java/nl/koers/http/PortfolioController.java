package nl.koers.http;

import java.io.IOException;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import nl.koers.api.RuleViolationException;
import nl.koers.http.portfolio.Portfolio;
import nl.koers.http.portfolio.PortfolioDocument;
import nl.koers.http.portfolio.PortfolioFiles;
import nl.koers.http.portfolio.PortfolioFormat;
import nl.koers.http.portfolio.PortfolioPlan;
import nl.koers.http.portfolio.UnexpectedContent;
import nl.koers.http.portfolio.UnreadableDocument;
import nl.koers.input.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The portfolio's definitions as one file: exported, planned (a dry run) and applied through the normal commands. */
@RestController
@RequestMapping(path = "/api/v1/portfolio")
class PortfolioController {

    /** Also the YAML example: an object, which tools show in YAML for YAML. */
    private static final String DOCUMENT_EXAMPLE = """
            {"programmes": [{"id": "digital-permits", "name": "Digital permits", "owner": "Programme office",
              "startDate": "2026-01-01", "plannedEndDate": "2027-06-30",
              "objectives": [{"id": "faster", "statement": "Permits decided within 4 weeks"}],
              "kpis": [{"id": "lead-time", "name": "Permit lead time", "unit": "days", "direction": "LOWER_IS_BETTER",
                "baseline": 56, "baselineDate": "2026-01-01", "target": 21, "targetDate": "2026-12-31", "tolerance": 3,
                "cadence": "P1W", "objectiveId": "faster", "lever": "PROCESS", "reason": "Pilot shows 3 weeks is feasible"}],
              "milestones": [{"id": "pilot-live", "title": "Pilot municipality live", "dueDate": "2026-07-01",
                "startDate": "2026-01-05", "reason": "Supplier delivered late", "approvedBy": "Steering committee 2026-03-31"}],
              "evaluations": [{"id": "q1-review", "title": "Q1 steering committee", "scheduledFor": "2026-03-31"}]}]}""";
    private static final String PLAN_EXAMPLE = """
            {"items": [
              {"kind": "PROGRAMME", "programmeId": "digital-permits", "id": "digital-permits", "action": "UNCHANGED", "commands": [], "fields": [], "detail": "As stored."},
              {"kind": "KPI", "programmeId": "digital-permits", "id": "lead-time", "action": "CHANGE", "commands": ["RetargetKpi"], "fields": ["target"], "detail": "Retarget: target."},
              {"kind": "MILESTONE", "programmeId": "digital-permits", "id": "pilot-live", "action": "REFUSED", "commands": [], "fields": ["dueDate"], "detail": "A re-baseline needs approvedBy: who approved the new due date."},
              {"kind": "EVALUATION", "programmeId": "digital-permits", "id": "q2-review", "action": "CREATE", "commands": ["ScheduleEvaluation"], "fields": [], "detail": "A new evaluation."}],
             "counts": {"CREATE": 1, "CHANGE": 1, "UNCHANGED": 1, "REFUSED": 1}}""";

    private final Portfolio portfolio;

    PortfolioController(Portfolio portfolio) {
        this.portfolio = portfolio;
    }

    @Operation(summary = "Plan a portfolio document", description = "A dry run: what applying the document would do, item by item — `CREATE`, `CHANGE` (with the commands and the changed fields: a KPI's target, target date or tolerance is retargeted, a milestone's due date re-baselined), `UNCHANGED`, or `REFUSED` with the reason (a KPI's unit or direction, a field no command changes, a re-baseline without `approvedBy`, a CLOSED programme, a programme outside the caller's programmes). Records nothing. The document is YAML, JSON or an XLSX workbook (sheets Programmes, Objectives, KPIs, Milestones, Evaluations); a malformed one is 400 naming the line and column, or the sheet and cell. Its limit is `koers.http.max-portfolio-size` (20 MB).")
    @ApiResponse(responseCode = "200", description = "What applying would do, item by item, and the counts",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PortfolioPlan.class),
                    examples = @ExampleObject(name = "plan", value = PLAN_EXAMPLE)))
    @DocumentBody
    @PostMapping(path = "/plan", consumes = {PortfolioFormat.YAML_TYPE, "application/x-yaml", "text/yaml",
            MediaType.APPLICATION_JSON_VALUE, PortfolioFormat.XLSX_TYPE}, produces = MediaType.APPLICATION_JSON_VALUE)
    PortfolioPlan plan(HttpServletRequest request, @AuthenticationPrincipal Caller caller)
            throws IOException, UnreadableDocument, UnexpectedContent {
        return portfolio.plan(document(request), caller);
    }

    @Operation(summary = "Apply a portfolio document", description = "Carries out the plan item by item through the same commands as the API's endpoints, with the caller as every event's actor, and answers as the plan does (an item whose command is refused is `REFUSED` with the reason; the others go on). Applying the same document again changes nothing: every item is `UNCHANGED`. Items the document leaves out are left alone. Defining programmes takes the programme office of the whole portfolio, a re-baseline the STEERING role and `approvedBy`.")
    @ApiResponse(responseCode = "200", description = "What was done, item by item, and the counts",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PortfolioPlan.class),
                    examples = @ExampleObject(name = "applied", value = PLAN_EXAMPLE)))
    @DocumentBody
    @PostMapping(path = "/apply", consumes = {PortfolioFormat.YAML_TYPE, "application/x-yaml", "text/yaml",
            MediaType.APPLICATION_JSON_VALUE, PortfolioFormat.XLSX_TYPE}, produces = MediaType.APPLICATION_JSON_VALUE)
    PortfolioPlan apply(HttpServletRequest request, @AuthenticationPrincipal Caller caller)
            throws IOException, UnreadableDocument, UnexpectedContent {
        return portfolio.apply(document(request), caller);
    }

    @Operation(summary = "Export the portfolio", description = "The definitions of the programmes the caller sees (or of `programme` alone), as known now or at `asOf`, as a document that applying leaves unchanged: YAML (the default), JSON or an XLSX workbook.")
    @ApiResponse(responseCode = "200", description = "The portfolio document", content = {
            @Content(mediaType = PortfolioFormat.YAML_TYPE, schema = @Schema(implementation = PortfolioDocument.class),
                    examples = @ExampleObject(name = "yaml", value = DOCUMENT_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PortfolioDocument.class),
                    examples = @ExampleObject(name = "json", value = DOCUMENT_EXAMPLE)),
            @Content(mediaType = PortfolioFormat.XLSX_TYPE, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "404", description = "No programme `programme` among the caller's programmes",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/" + ApiDocumentation.PROBLEM)))
    @GetMapping(produces = {PortfolioFormat.YAML_TYPE, MediaType.APPLICATION_JSON_VALUE, PortfolioFormat.XLSX_TYPE})
    ResponseEntity<byte[]> export(@Parameter(description = "`yaml` (default), `json` or `xlsx`", example = "yaml")
                                  @RequestParam(defaultValue = "yaml") String format,
                                  @Parameter(description = "Only this programme") @RequestParam(required = false) String programme,
                                  @RequestParam(required = false) Instant asOf,
                                  @AuthenticationPrincipal Caller caller) {
        PortfolioFormat chosen = PortfolioFormat.named(format)
                .orElseThrow(() -> new RuleViolationException("format", "must be yaml, json or xlsx"));
        byte[] file = PortfolioFiles.write(chosen, portfolio.export(caller, programme, asOf));
        return file(chosen, "portfolio." + chosen.extension(), file);
    }

    @Operation(summary = "Download the portfolio workbook template", description = "An XLSX workbook with the sheets Programmes, Objectives, KPIs, Milestones and Evaluations, a header row of field names, one example row per sheet, and the allowed values of `direction` and `lever` as lists.")
    @ApiResponse(responseCode = "200", description = "The workbook",
            content = @Content(mediaType = PortfolioFormat.XLSX_TYPE, schema = @Schema(type = "string", format = "binary")))
    @GetMapping(path = "/template.xlsx", produces = PortfolioFormat.XLSX_TYPE)
    ResponseEntity<byte[]> template() {
        return file(PortfolioFormat.XLSX, "portfolio-template.xlsx", PortfolioFiles.template());
    }

    @ExceptionHandler(UnreadableDocument.class)
    ProblemDetail unreadable(UnreadableDocument e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "invalid-portfolio", "Unreadable portfolio file", e.getMessage());
    }

    @ExceptionHandler(UnexpectedContent.class)
    ProblemDetail unexpectedContent(UnexpectedContent e) {
        return Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                e.getMessage());
    }

    private static PortfolioDocument document(HttpServletRequest request)
            throws IOException, UnreadableDocument, UnexpectedContent {
        PortfolioFormat format = PortfolioFormat.of(MediaType.parseMediaType(request.getContentType()))
                .orElseThrow(() -> new UnexpectedContent("A portfolio document is YAML, JSON or an XLSX workbook."));
        return PortfolioFiles.read(format, request.getInputStream().readAllBytes());
    }

    private static ResponseEntity<byte[]> file(PortfolioFormat format, String name, byte[] body) {
        return ResponseEntity.ok().contentType(format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    /** The request body of plan and apply: a portfolio document in one of its three formats. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = PortfolioFormat.YAML_TYPE, schema = @Schema(implementation = PortfolioDocument.class),
                    examples = @ExampleObject(name = "yaml", value = DOCUMENT_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PortfolioDocument.class),
                    examples = @ExampleObject(name = "json", value = DOCUMENT_EXAMPLE)),
            @Content(mediaType = PortfolioFormat.XLSX_TYPE, schema = @Schema(type = "string", format = "binary"))})
    @interface DocumentBody {
    }
}
