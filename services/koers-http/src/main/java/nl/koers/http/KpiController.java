package nl.koers.http;

import java.net.URI;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import nl.koers.api.NotFoundException;
import nl.koers.api.kpi.CorrectReading;
import nl.koers.api.kpi.DefineKpi;
import nl.koers.api.kpi.ReadingReceipt;
import nl.koers.api.kpi.RecordReading;
import nl.koers.api.kpi.RetargetKpi;
import nl.koers.api.kpi.RetractReading;
import nl.koers.navigation.programme.KpiView;
import nl.koers.navigation.programme.ProgrammeReader;
import nl.koers.navigation.programme.ReadingView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/programmes/{pid}/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
class KpiController {

    private final CommandGateway commands;
    private final ProgrammeReader programmes;

    KpiController(CommandGateway commands, ProgrammeReader programmes) {
        this.commands = commands;
        this.programmes = programmes;
    }

    @Operation(summary = "Define a KPI", description = "A KPI of the programme: baseline and target make its plan line, the tolerance its GREEN/AMBER/RED bands, the cadence how often a reading is due. Answers 201 with its URL in `Location`.")
    @ApiResponse(responseCode = "201", description = "Defined; `Location` is the KPI's URL", useReturnTypeSchema = true)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "lead-time", value = "{\"id\": \"lead-time\", \"name\": \"Permit lead time\", \"unit\": \"days\", \"direction\": \"LOWER_IS_BETTER\", \"baseline\": 56, \"baselineDate\": \"2026-01-01\", \"target\": 28, \"targetDate\": \"2026-12-31\", \"tolerance\": 3, \"cadence\": \"P1W\", \"objectiveId\": \"faster\", \"lever\": \"PROCESS\"}")))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<KpiRequests.DefineKpi> define(@PathVariable String pid, @Valid @RequestBody KpiRequests.DefineKpi body) {
        commands.sendAndWait(new DefineKpi(pid, body.id(), body.name(), body.unit(), body.direction(), body.baseline(),
                body.baselineDate(), body.target(), body.targetDate(), body.tolerance(), body.cadence(),
                body.objectiveId(), body.lever()));
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + pid + "/kpis/" + body.id())).body(body);
    }

    @Operation(summary = "Retarget a KPI", description = "A new target (and tolerance) from now on, with a reason; statuses already shown for earlier readings stay as they were.")
    @ApiResponse(responseCode = "204", description = "Retargeted", useReturnTypeSchema = true)
    @PostMapping(path = "/{kid}/retarget", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> retarget(@PathVariable String pid, @PathVariable String kid, @Valid @RequestBody KpiRequests.Retarget body) {
        commands.sendAndWait(new RetargetKpi(pid, kid, body.target(), body.targetDate(), body.tolerance(), body.reason()));
        return ResponseEntity.noContent().build();
    }

    /** 201 for a new reading; 200 with the first result when the same reading was recorded before. */
    @Operation(summary = "Record a reading", description = "One reading of the KPI. The same `readingId` with the same value and `measuredAt` answers 200 with the first result and records nothing; with another value it is 409. Many readings at once: POST a CSV file to `/programmes/{pid}/readings`.")
    @ApiResponse(responseCode = "201", description = "Recorded; `Location` is the reading's URL", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Recorded before: the first result, nothing new stored", useReturnTypeSchema = true)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "week-6", value = "{\"value\": 51.5, \"measuredAt\": \"2026-02-02\", \"readingId\": \"2026-w06\", \"source\": \"case-system\"}")))
    @PostMapping(path = "/{kid}/readings", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReadingReceipt> record(@PathVariable String pid, @PathVariable String kid,
                                          @Valid @RequestBody KpiRequests.RecordReading body) {
        ReadingReceipt receipt = commands.sendAndWait(new RecordReading(pid, kid, body.readingId(), body.value(),
                body.measuredAt(), body.source(), body.note()));
        if (receipt.duplicate()) {
            return ResponseEntity.status(HttpStatus.OK).body(receipt);
        }
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + pid + "/kpis/" + kid + "/readings/" + body.readingId()))
                .body(receipt);
    }

    @Operation(summary = "Correct a reading", description = "A new value for a reading, with a reason; the history keeps every version.")
    @ApiResponse(responseCode = "204", description = "Corrected", useReturnTypeSchema = true)
    @PostMapping(path = "/{kid}/readings/{rid}/correction", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> correct(@PathVariable String pid, @PathVariable String kid, @PathVariable String rid,
                                 @Valid @RequestBody KpiRequests.Correction body) {
        commands.sendAndWait(new CorrectReading(pid, kid, rid, body.value(), body.reason()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Retract a reading", description = "Withdraws a reading, with a reason; it no longer counts for the KPI's status, and the history keeps it.")
    @ApiResponse(responseCode = "204", description = "Retracted", useReturnTypeSchema = true)
    @PostMapping(path = "/{kid}/readings/{rid}/retraction", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> retract(@PathVariable String pid, @PathVariable String kid, @PathVariable String rid,
                                 @Valid @RequestBody KpiRequests.Retraction body) {
        commands.sendAndWait(new RetractReading(pid, kid, rid, body.reason()));
        return ResponseEntity.noContent().build();
    }

    /** Today's KPI, or with {@code asOf} the KPI as it was known then. */
    @Operation(summary = "Read a KPI", description = "The KPI with its status, plan value now, forecast, readings and open signals; with `asOf`, as known at that moment.")
    @GetMapping("/{kid}")
    KpiView kpi(@PathVariable String pid, @PathVariable String kid, @RequestParam(required = false) Instant asOf) {
        return programmes.kpi(pid, kid, asOf)
                .orElseThrow(() -> new NotFoundException("There is no KPI '" + kid + "' in programme '" + pid + "'."));
    }

    @Operation(summary = "Read a reading", description = "One reading with every version of it: corrections and retraction.")
    @GetMapping("/{kid}/readings/{rid}")
    ReadingView reading(@PathVariable String pid, @PathVariable String kid, @PathVariable String rid) {
        return programmes.reading(pid, kid, rid)
                .orElseThrow(() -> new NotFoundException("There is no reading '" + rid + "' of KPI '" + kid + "'."));
    }
}
