package nl.koers.http.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.koers.api.signal.SignalId;
import nl.koers.http.Problems;
import nl.koers.input.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * A caller limited to some programmes finds nothing of the others: every request about another programme, or about
 * a signal of another programme, is answered 404 as if it did not exist, before roles are checked, so that ids do
 * not leak. Lists ({@code GET /programmes}, {@code GET /signals}) are filtered by the controllers.
 */
final class ProgrammeScopeFilter extends OncePerRequestFilter {

    private static final Pattern PROGRAMME_PATH = Pattern.compile("/api/v1/programmes/([^/]+)(/.*)?");
    private static final Pattern SIGNAL_PATH = Pattern.compile("/api/v1/signals/([^/]+)/.*");

    private final ObjectMapper json;

    ProgrammeScopeFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            Optional<String> hidden = hiddenFrom(caller, path);
            if (hidden.isPresent()) {
                Problems.write(request, response,
                        Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", hidden.get()), json);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** What the caller is told instead, when the path is about a programme it may not see. */
    private static Optional<String> hiddenFrom(Caller caller, String path) {
        Matcher programme = PROGRAMME_PATH.matcher(path);
        if (programme.matches()) {
            String programmeId = decoded(programme.group(1));
            return caller.sees(programmeId) ? Optional.empty()
                    : Optional.of("There is no programme '" + programmeId + "'.");
        }
        Matcher signal = SIGNAL_PATH.matcher(path);
        if (signal.matches()) {
            String signalId = decoded(signal.group(1));
            return SignalId.parse(signalId).filter(id -> !caller.sees(id.subject().programmeId()))
                    .map(id -> "There is no signal '" + signalId + "'.");
        }
        return Optional.empty();
    }

    private static String decoded(String segment) {
        return UriUtils.decode(segment, StandardCharsets.UTF_8);
    }
}
