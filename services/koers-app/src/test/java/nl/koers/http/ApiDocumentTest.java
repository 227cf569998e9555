package nl.koers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import nl.koers.app.KoersIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The OpenAPI document the service serves (issue 19) is valid OpenAPI 3.1 as client generators read it, and explains
 * itself: an info block with a licence, a described tag for every operation, and every operation with a summary, a
 * description and a documented 4xx answer. It is written to {@code target/openapi/koers-api.json} for comparison with
 * the copy the test client is generated from.
 */
@KoersIntegrationTest
class ApiDocumentTest {

    static final Path SERVED = Path.of("target/openapi/koers-api.json");

    @Autowired
    MockMvc http;

    private String document;
    private OpenAPI api;

    @BeforeEach
    void read() throws Exception {
        document = http.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, document);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(parsed.getMessages()).as("validation messages").isEmpty();
        api = parsed.getOpenAPI();
    }

    @Test
    void isOpenApi31WithAnInfoBlockAndALicence() {
        assertThat(api.getOpenapi()).startsWith("3.1");
        assertThat(api.getInfo().getTitle()).isEqualTo("Koers API");
        assertThat(api.getInfo().getVersion()).isNotBlank();
        assertThat(api.getInfo().getDescription()).isNotBlank();
        assertThat(api.getInfo().getLicense().getName()).isNotBlank();
        assertThat(api.getInfo().getLicense().getUrl()).isNotBlank();
        assertThat(api.getComponents().getSecuritySchemes()).containsKey("bearer");
        assertThat(api.getSecurity()).isNotEmpty();
    }

    @Test
    void everyOperationHasASummaryADescriptionADescribedTagAndA4xxAnswer() {
        Set<String> tags = new HashSet<>();
        for (Tag tag : api.getTags()) {
            assertThat(tag.getDescription()).as("tag " + tag.getName()).isNotBlank();
            tags.add(tag.getName());
        }
        List<String> lacking = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        int operations = 0;
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                operations++;
                String name = entry.getKey() + " " + path.getKey();
                Operation operation = entry.getValue();
                if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                    lacking.add(name + ": summary");
                }
                if (operation.getDescription() == null || operation.getDescription().isBlank()) {
                    lacking.add(name + ": description");
                }
                if (operation.getResponses().keySet().stream().noneMatch(status -> status.startsWith("4"))) {
                    lacking.add(name + ": a 4xx answer");
                }
                if (operation.getTags() == null || operation.getTags().size() != 1 || !tags.contains(operation.getTags().get(0))) {
                    lacking.add(name + ": a described tag");
                }
                if (!operationIds.add(operation.getOperationId())) {
                    lacking.add(name + ": a unique operationId");
                }
            }
        }
        assertThat(lacking).isEmpty();
        assertThat(operations).isGreaterThanOrEqualTo(37);
    }

    @Test
    void theWalkthroughsRequestsCarryExamples() {
        Operation reading = api.getPaths().get("/api/v1/programmes/{pid}/kpis/{kid}/readings").getPost();
        assertThat(reading.getRequestBody().getContent().get("application/json").getExamples()).isNotEmpty();
        Operation csv = api.getPaths().get("/api/v1/programmes/{pid}/readings").getPost();
        assertThat(csv.getRequestBody().getContent()).containsKey("text/csv");
        assertThat(api.getPaths().get("/api/v1/programmes").getPost().getRequestBody().getContent()
                .get("application/json").getExamples()).isNotEmpty();
    }
}
