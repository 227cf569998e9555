package nl.koers.http;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import nl.koers.api.NotFoundException;
import nl.koers.api.evaluation.Action;
import nl.koers.api.evaluation.RecordEvaluationOutcome;
import nl.koers.api.evaluation.ScheduleEvaluation;
import nl.koers.navigation.programme.EvaluationView;
import nl.koers.navigation.programme.ProgrammeReader;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
@RequestMapping(path = "/api/v1/programmes/{pid}/evaluations", produces = MediaType.APPLICATION_JSON_VALUE)
class EvaluationController {

    private final CommandGateway commands;
    private final ProgrammeReader programmes;

    EvaluationController(CommandGateway commands, ProgrammeReader programmes) {
        this.commands = commands;
        this.programmes = programmes;
    }

    @Operation(summary = "Schedule an evaluation", description = "An evaluation moment of the steering committee. Answers 201 with its URL in `Location`.")
    @ApiResponse(responseCode = "201", description = "Scheduled; `Location` is the evaluation's URL", useReturnTypeSchema = true)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EvaluationRequests.ScheduleEvaluation> schedule(@PathVariable String pid,
                                                                   @Valid @RequestBody EvaluationRequests.ScheduleEvaluation body) {
        commands.sendAndWait(new ScheduleEvaluation(pid, body.id(), body.title(), body.scheduledFor()));
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + pid + "/evaluations/" + body.id())).body(body);
    }

    @Operation(summary = "Record an evaluation's outcome", description = "Held on, delivery confidence, decision, summary, actions and the signals it addressed; a steering act, recorded once.")
    @ApiResponse(responseCode = "204", description = "Recorded", useReturnTypeSchema = true)
    @PostMapping(path = "/{eid}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> outcome(@PathVariable String pid, @PathVariable String eid,
                                 @Valid @RequestBody EvaluationRequests.Outcome body) {
        List<Action> actions = body.actions() == null ? List.of()
                : body.actions().stream().map(a -> new Action(a.description(), a.owner(), a.dueDate())).toList();
        commands.sendAndWait(new RecordEvaluationOutcome(pid, eid, body.heldOn(), body.deliveryConfidence(),
                body.decision(), body.summary(), actions, body.addressedSignals()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Read an evaluation", description = "The evaluation moment with its outcome; with `asOf`, as known at that moment.")
    @GetMapping("/{eid}")
    EvaluationView evaluation(@PathVariable String pid, @PathVariable String eid, @RequestParam(required = false) Instant asOf) {
        return programmes.evaluation(pid, eid, asOf)
                .orElseThrow(() -> new NotFoundException("There is no evaluation '" + eid + "' in programme '" + pid + "'."));
    }
}
