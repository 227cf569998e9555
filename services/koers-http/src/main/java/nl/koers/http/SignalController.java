package nl.koers.http;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.koers.api.NotFoundException;
import nl.koers.api.signal.AcknowledgeOwnedSignal;
import nl.koers.api.signal.AcknowledgeSignal;
import nl.koers.api.signal.Severity;
import nl.koers.api.signal.SignalId;
import nl.koers.api.signal.SignalState;
import nl.koers.api.signal.SignalType;
import nl.koers.input.Caller;
import nl.koers.navigation.signal.SignalFilter;
import nl.koers.navigation.signal.SignalReader;
import nl.koers.navigation.signal.SignalView;
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
@RequestMapping(path = "/api/v1/signals", produces = MediaType.APPLICATION_JSON_VALUE)
class SignalController {

    private final CommandGateway commands;
    private final SignalReader signals;

    SignalController(CommandGateway commands, SignalReader signals) {
        this.commands = commands;
        this.signals = signals;
    }

    record Acknowledgement(@NotBlank @Size(max = 200) String by, @NotBlank @Size(max = 2000) String note) {
    }

    /**
     * The signals of the programmes the caller may see, newest first, every state unless filtered; with {@code asOf}
     * as they stood then.
     */
    @Operation(summary = "List signals", description = "Signals, newest first, every state unless filtered by programme, state, severity or type; with `asOf`, as known at that moment.")
    @GetMapping
    List<SignalView> signals(@RequestParam(required = false) String programme,
                             @RequestParam(required = false) SignalState state,
                             @RequestParam(required = false) Severity severity,
                             @RequestParam(required = false) SignalType type,
                             @RequestParam(required = false) Instant asOf,
                             @AuthenticationPrincipal Caller caller) {
        SignalFilter filter = new SignalFilter(programme, state, severity, type);
        List<SignalView> found = signals.signals(filter, asOf);
        return found.stream().filter(signal -> caller.sees(signal.subject().programmeId())).toList();
    }

    @Operation(summary = "Acknowledge a signal", description = "Steering has seen the signal and says what it does about it; a CLEARED signal cannot be acknowledged (409).")
    @ApiResponse(responseCode = "204", description = "Acknowledged", useReturnTypeSchema = true)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "steering", value = "{\"by\": \"Steering committee\", \"note\": \"Second intake team from April\"}")))
    @PostMapping(path = "/{sid}/acknowledgement", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> acknowledge(@PathVariable String sid, @Valid @RequestBody Acknowledgement body) {
        SignalId signalId = SignalId.parse(sid).orElseThrow(() -> new NotFoundException("There is no signal '" + sid + "'."));
        commands.sendAndWait(AcknowledgeOwnedSignal.of(new AcknowledgeSignal(signalId, body.by(), body.note())));
        return ResponseEntity.noContent().build();
    }
}
