package nl.koers.app.admin;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists and retries the events the projections parked. Unauthenticated until the API has security (issue #7). */
@RestController
@RequestMapping(path = "/api/v1/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Operation(summary = "List parked events", description = "Per processing group, the events its projections could not handle, parked with the programme's later events.")
    @GetMapping
    List<DeadLetters.Group> list() {
        return deadLetters.list();
    }

    /** Handles the parked sequences again, now; answers what became of them. */
    @Operation(summary = "Retry parked events", description = "Handles every parked sequence again, oldest first, and answers what became of them.")
    @PostMapping("/retry")
    List<DeadLetters.Retried> retry() {
        return deadLetters.retry();
    }
}
