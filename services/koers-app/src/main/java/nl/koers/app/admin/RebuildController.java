package nl.koers.app.admin;

import java.net.URI;

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
    @PostMapping
    ResponseEntity<RebuildStatus> start() {
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/rebuild")).body(rebuild.start());
    }

    @GetMapping
    RebuildStatus progress() {
        return rebuild.status();
    }
}
