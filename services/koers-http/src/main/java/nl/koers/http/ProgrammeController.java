package nl.koers.http;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import nl.koers.api.NotFoundException;
import nl.koers.api.programme.CloseProgramme;
import nl.koers.api.programme.DefineProgramme;
import nl.koers.api.programme.Objective;
import nl.koers.api.programme.PauseProgramme;
import nl.koers.api.programme.ResumeProgramme;
import nl.koers.input.Caller;
import nl.koers.navigation.programme.DecisionFollowUp;
import nl.koers.navigation.programme.ProgrammeReader;
import nl.koers.navigation.programme.ProgrammeSummary;
import nl.koers.navigation.programme.ProgrammeView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/programmes", produces = MediaType.APPLICATION_JSON_VALUE)
class ProgrammeController {

    private final CommandGateway commands;
    private final ProgrammeReader programmes;

    ProgrammeController(CommandGateway commands, ProgrammeReader programmes) {
        this.commands = commands;
        this.programmes = programmes;
    }

    @Operation(summary = "Define a programme", description = "A new programme with its objectives, ACTIVE from the start. Only the admin (an OFFICE token for every programme) defines programmes. Answers 201 with the programme's URL in `Location`.")
    @ApiResponse(responseCode = "201", description = "Defined; `Location` is the programme's URL", useReturnTypeSchema = true)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "digital-permits", value = "{\"id\": \"digital-permits\", \"name\": \"Digital permits\", \"owner\": \"Programme office\", \"startDate\": \"2026-01-01\", \"plannedEndDate\": \"2027-06-30\", \"objectives\": [{\"id\": \"faster\", \"statement\": \"Permits decided within 4 weeks\"}]}")))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProgrammeRequests.DefineProgramme> define(@Valid @RequestBody ProgrammeRequests.DefineProgramme body) {
        List<Objective> objectives = body.objectives() == null ? List.of()
                : body.objectives().stream().map(o -> new Objective(o.id(), o.statement())).toList();
        commands.sendAndWait(new DefineProgramme(body.id(), body.name(), body.description(), body.owner(),
                body.startDate(), body.plannedEndDate(), objectives));
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + body.id())).body(body);
    }

    @Operation(summary = "Pause a programme", description = "A PAUSED programme still takes readings and forecasts but raises no time-driven signal.")
    @ApiResponse(responseCode = "204", description = "Paused", useReturnTypeSchema = true)
    @PostMapping("/{pid}/pause")
    ResponseEntity<Void> pause(@PathVariable String pid, @Valid @RequestBody(required = false) ProgrammeRequests.StatusChange body) {
        commands.sendAndWait(new PauseProgramme(pid, reason(body)));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Resume a programme", description = "Makes a paused programme ACTIVE again.")
    @ApiResponse(responseCode = "204", description = "Resumed", useReturnTypeSchema = true)
    @PostMapping("/{pid}/resume")
    ResponseEntity<Void> resume(@PathVariable String pid, @Valid @RequestBody(required = false) ProgrammeRequests.StatusChange body) {
        commands.sendAndWait(new ResumeProgramme(pid, reason(body)));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Close a programme", description = "A CLOSED programme refuses every further command on it and its parts (409) and clears its open signals.")
    @ApiResponse(responseCode = "204", description = "Closed", useReturnTypeSchema = true)
    @PostMapping("/{pid}/close")
    ResponseEntity<Void> close(@PathVariable String pid, @Valid @RequestBody(required = false) ProgrammeRequests.StatusChange body) {
        commands.sendAndWait(new CloseProgramme(pid, reason(body)));
        return ResponseEntity.noContent().build();
    }

    /** The programmes the caller may see. */
    @Operation(summary = "List the portfolio", description = "Every programme the caller may see, with its health, last delivery confidence and open signals by severity; with `asOf`, as known at that moment.")
    @GetMapping
    List<ProgrammeSummary> programmes(@RequestParam(required = false) Instant asOf, @AuthenticationPrincipal Caller caller) {
        List<ProgrammeSummary> portfolio = programmes.programmes(asOf);
        return portfolio.stream().filter(programme -> caller.sees(programme.id())).toList();
    }

    /** Today's view, or with {@code asOf} the view as it was known then. */
    @Operation(summary = "Read a programme", description = "The programme with its KPIs (latest reading and status), milestones, evaluations and open signals; with `asOf`, as known at that moment.")
    @GetMapping("/{pid}")
    ProgrammeView programme(@PathVariable String pid, @RequestParam(required = false) Instant asOf) {
        return programmes.programme(pid, asOf)
                .orElseThrow(() -> new NotFoundException("There is no programme '" + pid + "'."));
    }

    /** Each ADJUST decision with its addressed KPIs' trend before and after it; {@code asOf} defaults to now. */
    @Operation(summary = "Follow up ADJUST decisions", description = "For each ADJUST decision, the trend of the KPIs of the signals it addressed before and since the meeting, and whether they moved toward plan.")
    @GetMapping("/{pid}/follow-up")
    List<DecisionFollowUp> followUp(@PathVariable String pid, @RequestParam(required = false) Instant asOf) {
        return programmes.followUps(pid, asOf)
                .orElseThrow(() -> new NotFoundException("There is no programme '" + pid + "'."));
    }

    private static String reason(ProgrammeRequests.StatusChange body) {
        return body == null ? null : body.reason();
    }
}
