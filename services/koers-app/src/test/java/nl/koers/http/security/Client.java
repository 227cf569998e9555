package nl.koers.http.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;
import nl.koers.app.TestCredentials;
import nl.koers.input.Role;

/** Requests over real HTTP with the credentials a test chooses: a bearer token, or none when it is null. */
record Client(String base) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    HttpResponse<String> post(String path, String token, String json) {
        return post(path, token, json, "application/json");
    }

    HttpResponse<String> post(String path, String token, String body, String contentType) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    /** Posts as the admin and fails unless the service answers {@code status}. */
    HttpResponse<String> postAsAdmin(String path, String json, int status) {
        HttpResponse<String> response = post(path, TestCredentials.ADMIN_TOKEN, json);
        if (response.statusCode() != status) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ", not " + status + ": "
                    + response.body());
        }
        return response;
    }

    /** As the admin: a programme {@code pid} started 2026-01-01. */
    void givenProgramme(String pid) {
        postAsAdmin("/api/v1/programmes", """
                {"id": "%s", "name": "P", "startDate": "2026-01-01", "plannedEndDate": "2027-06-30"}""".formatted(pid), 201);
    }

    /** As the admin: KPI "k" of programme {@code pid}, from 10 on 2026-01-01 to 80 at the end of 2026, tolerance 5. */
    void givenKpi(String pid) {
        postAsAdmin("/api/v1/programmes/" + pid + "/kpis", """
                {"id": "k", "name": "K", "unit": "days", "direction": "HIGHER_IS_BETTER", "baseline": 10,
                 "baselineDate": "2026-01-01", "target": 80, "targetDate": "2026-12-31", "tolerance": 5,
                 "cadence": "P1W"}""", 201);
    }

    /** Issues an API token as the admin and answers it; {@code programmes} is a JSON array. */
    String issueToken(String name, Role role, String programmes) {
        return JsonPath.read(postAsAdmin("/api/v1/admin/tokens", """
                {"name": "%s", "roles": ["%s"], "programmes": %s}""".formatted(name, role, programmes), 201).body(), "$.token");
    }
}
