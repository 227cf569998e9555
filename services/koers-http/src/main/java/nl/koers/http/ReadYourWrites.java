package nl.koers.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import nl.koers.navigation.ViewPositions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a 2xx wrote, the next GET shows, on any instance: the views are written in the command's own transaction, so
 * once a write is answered its views are committed. A write answers the store position it reached in
 * {@value #POSITION}. Only while the views catch up with the store (after a rebuild, {@link ViewPositions}) does a
 * GET wait, at most {@code koers.reads.max-wait}, until they have passed the position the client sends in
 * {@value #POSITION}, or else the store's head when the GET arrived; past the bound it answers what it has and says so
 * in {@value #BEHIND}.
 */
@Component
class ReadYourWrites extends OncePerRequestFilter {

    static final String POSITION = "Koers-Position";
    static final String BEHIND = "Koers-Behind";
    private static final long POLL_MILLIS = 10;

    private final ViewPositions views;
    private final ObjectMapper json;
    private final Duration maxWait;

    ReadYourWrites(ViewPositions views, ObjectMapper json, @Value("${koers.reads.max-wait:PT5S}") Duration maxWait) {
        this.views = views;
        this.json = json;
        this.maxWait = maxWait;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod())) {
            chain.doFilter(request, new PositionOnSuccess(response));
            return;
        }
        OptionalLong sent;
        try {
            sent = sentPosition(request);
        } catch (NumberFormatException e) {
            Problems.write(request, response, Problems.problem(HttpStatus.BAD_REQUEST, "bad-position", "Bad position",
                    POSITION + " must be a store position as a write answered it (a whole number)."), json);
            return;
        }
        if (!views.inline() && !caughtUp(sent)) {
            response.setHeader(BEHIND, "true");
        }
        chain.doFilter(request, response);
    }

    private static OptionalLong sentPosition(HttpServletRequest request) {
        String sent = request.getHeader(POSITION);
        if (sent == null) {
            return OptionalLong.empty();
        }
        long position = Long.parseLong(sent.strip());
        if (position < 0) {
            throw new NumberFormatException("negative");
        }
        return OptionalLong.of(position);
    }

    /** Waits, bounded, until the views are written inline again or this instance's catch-up passed the position. */
    private boolean caughtUp(OptionalLong sent) {
        long position = sent.orElseGet(views::head);
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            if (views.covers(position) || views.inline()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Adds the store position to a successful write's answer when its status is set or its body begins, before
     * anything of it is sent.
     */
    private final class PositionOnSuccess extends HttpServletResponseWrapper {

        PositionOnSuccess(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            super.setStatus(status);
            addPosition();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            addPosition();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            addPosition();
            return super.getWriter();
        }

        private void addPosition() {
            if (getStatus() >= 200 && getStatus() < 300 && !isCommitted() && !containsHeader(POSITION)) {
                setHeader(POSITION, Long.toString(views.lastCommitted()));
            }
        }
    }
}
