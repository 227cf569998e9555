package nl.koers.app.admin;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilds the read model from the event store; for admins only, like everything under /api/v1/admin. */
@RestController
@RequestMapping(path = "/api/v1/admin/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
class RebuildController {

    private final ProjectionRebuild rebuild;

    RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** 202: the rebuild runs in the background; its progress is at GET on the same path. 409 while one runs. */
    @Operation(summary = "Rebuild the read model", description = "Replays the event store into the projections in the background (202); side effects such as Kafka publishing are not replayed. 409 while a rebuild runs.")
    @ApiResponse(responseCode = "202", description = "Started; progress at GET on the same path", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<RebuildStatus> start() {
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/rebuild")).body(rebuild.start());
    }

    @Operation(summary = "Rebuild progress", description = "The state of the last rebuild and how far it got.")
    @GetMapping
    RebuildStatus progress() {
        return rebuild.status();
    }
}
