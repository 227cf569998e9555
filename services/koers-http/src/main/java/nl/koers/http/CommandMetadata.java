package nl.koers.http;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.koers.api.MessageMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts who sent a command and the request's correlation id on every command that does not name them itself; Axon
 * copies both to the events the command causes, so the history shows them. A command sent outside an HTTP request
 * is the system's own.
 */
@Component
class CommandMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    private static final String ANONYMOUS = "anonymous";
    private static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern VALID_CORRELATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, String> added = new HashMap<>(metaData());
            added.keySet().removeAll(command.getMetaData().keySet());
            return command.andMetaData(added);
        };
    }

    private static Map<String, String> metaData() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return Map.of(MessageMetadata.ACTOR, MessageMetadata.SYSTEM_ACTOR,
                    MessageMetadata.CORRELATION_ID, UUID.randomUUID().toString());
        }
        return Map.of(MessageMetadata.ACTOR, actor(request.getRequest()),
                MessageMetadata.CORRELATION_ID, correlationId(request.getRequest(), request.getResponse()));
    }

    /** The authenticated caller: the subject of its API token or JWT (every command endpoint asks for one). */
    private static String actor(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal == null ? ANONYMOUS : principal.getName();
    }

    /** The caller's {@value #CORRELATION_HEADER} when it is a sensible id, else one made up once per request. */
    private static String correlationId(HttpServletRequest request, HttpServletResponse response) {
        Object known = request.getAttribute(CORRELATION_HEADER);
        if (known != null) {
            return known.toString();
        }
        String given = request.getHeader(CORRELATION_HEADER);
        String id = given != null && VALID_CORRELATION_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(CORRELATION_HEADER, id);
        if (response != null) {
            response.setHeader(CORRELATION_HEADER, id);
        }
        return id;
    }
}
