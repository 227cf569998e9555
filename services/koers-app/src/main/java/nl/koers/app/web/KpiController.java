package nl.koers.app.web;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import nl.koers.api.NotFoundException;
import nl.koers.api.kpi.CorrectReading;
import nl.koers.api.kpi.DefineKpi;
import nl.koers.api.kpi.ReadingReceipt;
import nl.koers.api.kpi.RecordReading;
import nl.koers.api.kpi.RetargetKpi;
import nl.koers.api.kpi.RetractReading;
import nl.koers.navigation.programme.AsOfQueries;
import nl.koers.navigation.programme.KpiView;
import nl.koers.navigation.programme.ProgrammeQueries;
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
    private final ProgrammeQueries queries;
    private final AsOfQueries asOfQueries;

    KpiController(CommandGateway commands, ProgrammeQueries queries, AsOfQueries asOfQueries) {
        this.commands = commands;
        this.queries = queries;
        this.asOfQueries = asOfQueries;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<KpiRequests.DefineKpi> define(@PathVariable String pid, @Valid @RequestBody KpiRequests.DefineKpi body) {
        commands.sendAndWait(new DefineKpi(pid, body.id(), body.name(), body.unit(), body.direction(), body.baseline(),
                body.baselineDate(), body.target(), body.targetDate(), body.tolerance(), body.cadence(),
                body.objectiveId(), body.lever()));
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + pid + "/kpis/" + body.id())).body(body);
    }

    @PostMapping(path = "/{kid}/retarget", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> retarget(@PathVariable String pid, @PathVariable String kid, @Valid @RequestBody KpiRequests.Retarget body) {
        commands.sendAndWait(new RetargetKpi(pid, kid, body.target(), body.targetDate(), body.tolerance(), body.reason()));
        return ResponseEntity.noContent().build();
    }

    /** 201 for a new reading; 200 with the first result when the same reading was recorded before. */
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

    @PostMapping(path = "/{kid}/readings/{rid}/correction", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> correct(@PathVariable String pid, @PathVariable String kid, @PathVariable String rid,
                                 @Valid @RequestBody KpiRequests.Correction body) {
        commands.sendAndWait(new CorrectReading(pid, kid, rid, body.value(), body.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{kid}/readings/{rid}/retraction", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> retract(@PathVariable String pid, @PathVariable String kid, @PathVariable String rid,
                                 @Valid @RequestBody KpiRequests.Retraction body) {
        commands.sendAndWait(new RetractReading(pid, kid, rid, body.reason()));
        return ResponseEntity.noContent().build();
    }

    /** Today's KPI, or with {@code asOf} the KPI as it was known then. */
    @GetMapping("/{kid}")
    KpiView kpi(@PathVariable String pid, @PathVariable String kid, @RequestParam(required = false) Instant asOf) {
        return (asOf == null ? queries.kpi(pid, kid) : asOfQueries.kpi(pid, kid, asOf))
                .orElseThrow(() -> new NotFoundException("There is no KPI '" + kid + "' in programme '" + pid + "'."));
    }

    @GetMapping("/{kid}/readings/{rid}")
    ReadingView reading(@PathVariable String pid, @PathVariable String kid, @PathVariable String rid) {
        return queries.reading(pid, kid, rid)
                .orElseThrow(() -> new NotFoundException("There is no reading '" + rid + "' of KPI '" + kid + "'."));
    }
}
