package nl.koers.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's shared parts, for every endpoint, those added later too: the description of the API, a tag
 * for each resource (chosen by path, so an endpoint needs no annotation to be grouped), and the problem-details
 * answers every operation can give (RFC 9457), added where an operation does not document them itself. Operations
 * document their own summary, description, success answers and examples.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String API = "/api/v1";
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    /** A resource of the API: the paths it holds and its line in the document. */
    private record Resource(String name, Pattern paths, String description) {
    }

    private static final List<Resource> RESOURCES = List.of(
            new Resource("Readings", Pattern.compile(API + "/programmes/[^/]+/(readings|kpis/[^/]+/readings)(/.*)?"),
                    "KPI readings, one at a time or many from a CSV file; each is recorded once by its readingId, and can be corrected or retracted later"),
            new Resource("KPIs", Pattern.compile(API + "/programmes/[^/]+/kpis(/.*)?"),
                    "A programme's KPIs: baseline, target and tolerance make the plan line every reading is measured against"),
            new Resource("Milestones", Pattern.compile(API + "/programmes/[^/]+/milestones(/.*)?"),
                    "Milestones: due date, forecast, re-baselines, achievement and cancellation; a forecast after the due date is a slip"),
            new Resource("Evaluations", Pattern.compile(API + "/programmes/[^/]+/evaluations(/.*)?"),
                    "Evaluation moments of the steering committee and their outcome: delivery confidence, decision and actions"),
            new Resource("History and reports", Pattern.compile(API + "/programmes/[^/]+/(history|changes|report)(/.*)?"),
                    "What was recorded when, by whom, what changed between two moments, and the steering report as of any moment"),
            new Resource("Programmes", Pattern.compile(API + "/programmes(/.*)?"),
                    "The portfolio: programmes with their objectives, status, health and open signals, as of now or any past moment"),
            new Resource("Portfolio files", Pattern.compile(API + "/portfolio(/.*)?"),
                    "The portfolio's definitions as one YAML, JSON or XLSX file: exported, planned as a dry run, reviewed and applied through the normal commands"),
            new Resource("Signals", Pattern.compile(API + "/signals(/.*)?"),
                    "Course-correction signals raised by the rules of the domain, with the numbers behind them; steering acknowledges them"),
            new Resource("Subscriptions", Pattern.compile(API + "/subscriptions(/.*)?"),
                    "Webhook subscriptions: signals delivered to other systems as they are raised, escalated, acknowledged and cleared"),
            new Resource("API tokens", Pattern.compile(API + "/admin/tokens(/.*)?"),
                    "API tokens for scripts and other systems, issued and revoked by the admin"),
            new Resource("Administration", Pattern.compile(API + "/admin(/.*)?"),
                    "The admin's tools: projection rebuilds"));
    private static final Resource OTHER = new Resource("Other", Pattern.compile(".*"), "Endpoints not yet grouped");

    /** The answers every operation may give, by status, with when it gives them. */
    private static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", "Bad input: a field, parameter or file that breaks the rules, each invalid field listed in `errors`");
        PROBLEMS.put("401", "No bearer token, or one that is invalid, expired or revoked");
        PROBLEMS.put("403", "The token's roles do not allow this");
        PROBLEMS.put("404", "No such programme or item, or one outside the token's programmes");
        PROBLEMS.put("409", "A conflict with the current state: a duplicate id, a closed programme, a readingId reused with another value");
        PROBLEMS.put("413", "The request body is larger than the service takes");
        PROBLEMS.put("415", "A body of another media type than the operation takes");
        PROBLEMS.put("503", "The database is unavailable; try again after `Retry-After` seconds");
    }

    @Bean
    OpenAPI koersApi(@Value("${koers.version:0.1.0}") String version) {
        return new OpenAPI()
                .info(new Info()
                        .title("Koers API")
                        .version(version)
                        .summary("Objectives, KPIs, milestones and evaluations of a portfolio of programmes, and the signals that say where to steer")
                        .description("""
                                Koers keeps track of a portfolio of transformation programmes: their objectives, KPIs, \
                                milestones and evaluation moments. Every change is a command that becomes an event; what a \
                                2xx wrote, the next GET shows, on any instance (writes answer their store position in \
                                `Koers-Position`), and many reads take `asOf` to show what was known at a past moment. Errors are RFC 9457 problem details. Every request carries a bearer \
                                token: an API token (`koers_…`) or a JWT of the configured OIDC provider.""")
                        .contact(new Contact().name("Koers").url("https://koers.dev"))
                        .license(new License().name("Apache License 2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .servers(List.of(new Server().url("/").description("This service")))
                .tags(RESOURCES.stream().map(resource -> new Tag().name(resource.name()).description(resource.description()))
                        .toList())
                .components(new Components().addSchemas(PROBLEM, problemSchema()));
    }

    /** Groups every operation by its path, and documents the problem answers it may give. */
    @Bean
    OpenApiCustomizer sharedAnswers() {
        return openApi -> {
            boolean otherUsed = false;
            for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
                Resource resource = resource(path.getKey());
                otherUsed |= resource == OTHER;
                for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
                    operation.getValue().setTags(new ArrayList<>(List.of(resource.name())));
                    if (operation.getValue().getSummary() != null) {
                        operation.getValue().setOperationId(operationId(operation.getValue().getSummary()));
                    }
                    problems(path.getKey(), operation.getKey(), operation.getValue());
                }
            }
            if (otherUsed) {
                openApi.addTagsItem(new Tag().name(OTHER.name()).description(OTHER.description()));
            }
            if (openApi.getComponents().getSchemas() == null || !openApi.getComponents().getSchemas().containsKey(PROBLEM)) {
                openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            }
        };
    }

    /** "Record a reading" becomes recordReading: the name a generated client gives the operation. */
    static String operationId(String summary) {
        StringBuilder id = new StringBuilder();
        for (String word : summary.replace("'s", "").split("[^A-Za-z0-9]+")) {
            if (word.isEmpty() || ARTICLES.contains(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            id.append(id.isEmpty() ? word.toLowerCase(Locale.ROOT)
                    : Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase(Locale.ROOT));
        }
        return id.toString();
    }

    private static Resource resource(String path) {
        return RESOURCES.stream().filter(resource -> resource.paths().matcher(path).matches()).findFirst().orElse(OTHER);
    }

    private static void problems(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean input = body || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean command = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.DELETE;
        for (Map.Entry<String, String> problem : PROBLEMS.entrySet()) {
            boolean applies = switch (problem.getKey()) {
                case "400" -> input;
                case "404" -> path.contains("{");
                case "409" -> command && !path.startsWith(API + "/admin/rebuild");
                case "413", "415" -> body;
                default -> true;
            };
            if (applies && !responses.containsKey(problem.getKey())) {
                responses.addApiResponse(problem.getKey(), problemResponse(problem.getValue()));
            }
        }
        operation.setResponses(responses);
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field or parameter").example("value"))
                .addProperty("message", new StringSchema().description("what is wrong with it").example("must be a finite decimal number"));
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").example("https://koers.dev/problems/invalid-request"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("Field 'value' must be a finite decimal number."))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/v1/programmes/digital-permits/kpis/lead-time/readings"))
                .addProperty("errors", new ArraySchema().items(fieldProblem).description("each invalid field, for bad input"));
    }
}
