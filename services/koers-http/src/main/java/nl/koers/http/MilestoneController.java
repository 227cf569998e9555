package nl.koers.http;

import java.net.URI;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import nl.koers.api.NotFoundException;
import nl.koers.api.milestone.AchieveMilestone;
import nl.koers.api.milestone.CancelMilestone;
import nl.koers.api.milestone.PlanMilestone;
import nl.koers.api.milestone.RebaselineMilestone;
import nl.koers.api.milestone.UpdateMilestoneForecast;
import nl.koers.navigation.programme.MilestoneView;
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
@RequestMapping(path = "/api/v1/programmes/{pid}/milestones", produces = MediaType.APPLICATION_JSON_VALUE)
class MilestoneController {

    private final CommandGateway commands;
    private final ProgrammeReader programmes;

    MilestoneController(CommandGateway commands, ProgrammeReader programmes) {
        this.commands = commands;
        this.programmes = programmes;
    }

    @Operation(summary = "Plan a milestone", description = "A milestone due after the programme's start, optionally with the date its work starts (`startDate`, the base of its slip percentage; the programme's start when absent). Answers 201 with its URL in `Location`.")
    @ApiResponse(responseCode = "201", description = "Planned; `Location` is the milestone's URL", useReturnTypeSchema = true)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "pilot-live", value = "{\"id\": \"pilot-live\", \"title\": \"Pilot municipality live\", \"dueDate\": \"2026-06-01\", \"startDate\": \"2026-01-05\"}")))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MilestoneRequests.PlanMilestone> plan(@PathVariable String pid,
                                                         @Valid @RequestBody MilestoneRequests.PlanMilestone body) {
        commands.sendAndWait(new PlanMilestone(pid, body.id(), body.title(), body.dueDate(), body.startDate()));
        return ResponseEntity.created(URI.create("/api/v1/programmes/" + pid + "/milestones/" + body.id())).body(body);
    }

    @Operation(summary = "Forecast a milestone", description = "The date the milestone is now expected; after the due date it slips (MILESTONE_SLIPPING, CRITICAL at 30 % of the planned duration: from the milestone's start date, or the programme's start when it has none).")
    @ApiResponse(responseCode = "204", description = "Forecast recorded", useReturnTypeSchema = true)
    @PostMapping(path = "/{mid}/forecast", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> forecast(@PathVariable String pid, @PathVariable String mid,
                                  @Valid @RequestBody MilestoneRequests.Forecast body) {
        commands.sendAndWait(new UpdateMilestoneForecast(pid, mid, body.forecastDate(), body.reason()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Re-baseline a milestone", description = "Moves the due date, with a reason and who approved it; a steering act. Twice or more raises MILESTONE_REBASELINED_AGAIN.")
    @ApiResponse(responseCode = "204", description = "Re-baselined", useReturnTypeSchema = true)
    @PostMapping(path = "/{mid}/rebaseline", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> rebaseline(@PathVariable String pid, @PathVariable String mid,
                                    @Valid @RequestBody MilestoneRequests.Rebaseline body) {
        commands.sendAndWait(new RebaselineMilestone(pid, mid, body.dueDate(), body.reason(), body.approvedBy()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Mark a milestone achieved", description = "Records the day it was achieved and clears its signals.")
    @ApiResponse(responseCode = "204", description = "Achieved", useReturnTypeSchema = true)
    @PostMapping(path = "/{mid}/achievement", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> achieve(@PathVariable String pid, @PathVariable String mid,
                                 @Valid @RequestBody MilestoneRequests.Achievement body) {
        commands.sendAndWait(new AchieveMilestone(pid, mid, body.achievedOn()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Cancel a milestone", description = "Cancels the milestone with a reason and clears its signals.")
    @ApiResponse(responseCode = "204", description = "Cancelled", useReturnTypeSchema = true)
    @PostMapping(path = "/{mid}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> cancel(@PathVariable String pid, @PathVariable String mid,
                                @Valid @RequestBody MilestoneRequests.Cancellation body) {
        commands.sendAndWait(new CancelMilestone(pid, mid, body.reason()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Read a milestone", description = "Due date, forecast, achievement, slip and re-baselines; with `asOf`, as known at that moment.")
    @GetMapping("/{mid}")
    MilestoneView milestone(@PathVariable String pid, @PathVariable String mid, @RequestParam(required = false) Instant asOf) {
        return programmes.milestone(pid, mid, asOf)
                .orElseThrow(() -> new NotFoundException("There is no milestone '" + mid + "' in programme '" + pid + "'."));
    }
}
