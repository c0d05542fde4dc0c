package ru.otklik.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint × every kind of caller, as declared. The endpoint list comes from the OpenAPI document, so a
 * new endpoint that is missing from {@link #DECLARED} fails here until its roles are declared (and one
 * without {@code @RolesAllowed} is denied to everyone by {@code deny-unannotated-endpoints}).
 */
@QuarkusTest
class AccessMatrixTest {

    /** The kinds of caller. */
    enum Caller { ANONYMOUS, BAD_KEY, ANALYST, PRESS, AGENCY, ADMIN, KEY_POSTS_WRITE, KEY_FEEDS_READ, KEY_ALERTS_READ }

    private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    private static final Set<Caller> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS, Caller.BAD_KEY));
    private static final Set<Caller> FEEDS = EnumSet.of(Caller.ANALYST, Caller.PRESS, Caller.AGENCY, Caller.ADMIN,
            Caller.KEY_FEEDS_READ);
    private static final Set<Caller> ALERTS = EnumSet.of(Caller.PRESS, Caller.ANALYST, Caller.ADMIN, Caller.KEY_ALERTS_READ);
    private static final Set<Caller> ADMIN = EnumSet.of(Caller.ADMIN);
    private static final Set<Caller> STAFF = EnumSet.of(Caller.ANALYST, Caller.PRESS, Caller.ADMIN);
    private static final Set<Caller> OPERATORS = EnumSet.of(Caller.ANALYST, Caller.ADMIN);

    /** Who may call what: "METHOD /path" → the callers that pass the security check. */
    static final Map<String, Set<Caller>> DECLARED = new LinkedHashMap<>();

    static {
        DECLARED.put("POST /api/posts", EnumSet.of(Caller.ADMIN, Caller.KEY_POSTS_WRITE));
        DECLARED.put("GET /api/posts", FEEDS);
        DECLARED.put("GET /api/posts/{id}", FEEDS);
        DECLARED.put("POST /api/posts/{id}/analyze-as-russian", OPERATORS);
        DECLARED.put("GET /api/incidents", FEEDS);
        DECLARED.put("GET /api/incidents/{id}", FEEDS);
        DECLARED.put("GET /api/incidents/export.{format}", FEEDS);
        DECLARED.put("GET /api/incidents/{id}/transitions", FEEDS);
        DECLARED.put("POST /api/incidents/{id}/transitions", EnumSet.of(Caller.ANALYST, Caller.AGENCY, Caller.ADMIN));
        DECLARED.put("POST /api/incidents/{id}/feedback", EnumSet.of(Caller.ANALYST, Caller.AGENCY, Caller.ADMIN));
        DECLARED.put("GET /api/incidents/{id}/sla", FEEDS);
        DECLARED.put("GET /api/ratings", FEEDS);
        DECLARED.put("GET /api/ratings/csv", FEEDS);
        DECLARED.put("GET /api/ratings/monthly", FEEDS);
        DECLARED.put("GET /api/ratings/monthly/csv", FEEDS);
        DECLARED.put("GET /api/picture/weekly", FEEDS);
        DECLARED.put("GET /api/picture/top", EnumSet.of(Caller.ANALYST, Caller.PRESS, Caller.ADMIN, Caller.KEY_FEEDS_READ));
        DECLARED.put("GET /api/search", EnumSet.of(Caller.ANALYST, Caller.PRESS, Caller.ADMIN, Caller.KEY_FEEDS_READ));
        DECLARED.put("POST /api/search/rebuild", ADMIN);
        DECLARED.put("POST /api/analyze", EnumSet.of(Caller.ANALYST, Caller.PRESS, Caller.ADMIN, Caller.KEY_FEEDS_READ));
        DECLARED.put("GET /api/agencies", FEEDS);
        DECLARED.put("GET /api/agencies/{code}/incidents.rss", FEEDS);
        DECLARED.put("GET /api/agencies/{code}/incidents.atom", FEEDS);
        DECLARED.put("GET /open311/v2/services.json", FEEDS);
        DECLARED.put("GET /open311/v2/requests.json", FEEDS);
        DECLARED.put("GET /open311/v2/requests/{id}.json", FEEDS);
        DECLARED.put("GET /api/sources", STAFF);
        DECLARED.put("GET /api/sources/{key}", STAFF);
        DECLARED.put("POST /api/sources", OPERATORS);
        DECLARED.put("PUT /api/sources/{key}", OPERATORS);
        DECLARED.put("POST /api/sources/{key}/enable", OPERATORS);
        DECLARED.put("POST /api/sources/{key}/disable", OPERATORS);
        DECLARED.put("POST /api/sources/{key}/run", OPERATORS);
        DECLARED.put("GET /api/alerts", ALERTS);
        DECLARED.put("GET /api/alerts/stream", ALERTS);
        DECLARED.put("POST /api/alerts/{id}/ack", EnumSet.of(Caller.PRESS, Caller.ANALYST, Caller.ADMIN));
        DECLARED.put("GET /api/reviews/queue", OPERATORS);
        DECLARED.put("POST /api/reviews", OPERATORS);
        DECLARED.put("GET /api/reviews/export", OPERATORS);
        DECLARED.put("GET /api/me", SIGNED_IN);
        DECLARED.put("POST /api/logout", EVERYONE);
        DECLARED.put("GET /api/admin/users", ADMIN);
        DECLARED.put("POST /api/admin/users", ADMIN);
        DECLARED.put("GET /api/admin/users/{id}", ADMIN);
        DECLARED.put("PATCH /api/admin/users/{id}", ADMIN);
        DECLARED.put("DELETE /api/admin/users/{id}", ADMIN);
        DECLARED.put("GET /api/admin/api-keys", ADMIN);
        DECLARED.put("POST /api/admin/api-keys", ADMIN);
        DECLARED.put("DELETE /api/admin/api-keys/{id}", ADMIN);
        DECLARED.put("GET /api/admin/webhooks", ADMIN);
        DECLARED.put("POST /api/admin/webhooks", ADMIN);
        DECLARED.put("DELETE /api/admin/webhooks/{id}", ADMIN);
        DECLARED.put("GET /api/admin/webhooks/{id}/deliveries", ADMIN);
    }

    /** Outside the OpenAPI document, and open to everyone. */
    static final List<String> OPEN = List.of("GET /q/health", "GET /q/metrics", "GET /q/openapi");

    /** An id no row has: allowed callers get 404/400, and nothing is changed. */
    private static final String NO_SUCH_ID = "987654321";

    private static final Map<Caller, String> AUTHORIZATION = new LinkedHashMap<>();
    private static final Map<Caller, String> KEYS = new LinkedHashMap<>();

    @TestHTTPResource("/")
    URI base;

    /** Users and keys are made once, through the running application's admin API. */
    @BeforeEach
    void callers() {
        if (!AUTHORIZATION.isEmpty()) {
            return;
        }
        AUTHORIZATION.put(Caller.ADMIN, basic(TestCredentials.ADMIN, TestCredentials.ADMIN_PASSWORD));
        AUTHORIZATION.put(Caller.ANALYST, basic(TestCredentials.user(Roles.ANALYST, null), TestCredentials.PASSWORD));
        AUTHORIZATION.put(Caller.PRESS, basic(TestCredentials.user(Roles.PRESS, null), TestCredentials.PASSWORD));
        AUTHORIZATION.put(Caller.AGENCY, basic(TestCredentials.user(Roles.AGENCY, "adm-novomoskovsk"),
                TestCredentials.PASSWORD));
        KEYS.put(Caller.BAD_KEY, "otk_this-key-was-never-issued");
        KEYS.put(Caller.KEY_POSTS_WRITE, TestCredentials.key(null, Roles.POSTS_WRITE));
        KEYS.put(Caller.KEY_FEEDS_READ, TestCredentials.key(null, Roles.FEEDS_READ));
        KEYS.put(Caller.KEY_ALERTS_READ, TestCredentials.key(null, Roles.ALERTS_READ));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyEndpointOfTheOpenApiDocumentHasDeclaredRoles() {
        JsonPath openapi = JsonPath.from(RestAssured.given().queryParam("format", "json").get("/q/openapi").asString());
        Set<String> documented = new TreeSet<>();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> documented.add(m.toUpperCase() + " " + path)));
        assertThat(DECLARED.keySet())
                .as("every endpoint needs its roles declared in AccessMatrixTest.DECLARED (and on the resource)")
                .containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void everyCallerGetsWhatIsDeclared() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<Caller>> endpoint : DECLARED.entrySet()) {
            for (Caller caller : Caller.values()) {
                int status = call(client, endpoint.getKey(), caller);
                String expected = expectation(endpoint.getValue().contains(caller), caller);
                if (!matches(expected, status)) {
                    wrong.add(endpoint.getKey() + " as " + caller + ": " + status + ", expected " + expected);
                }
            }
        }
        for (String endpoint : OPEN) {
            for (Caller caller : Caller.values()) {
                int status = call(client, endpoint, caller);
                // health answers 503 while a component is down (a failing source of another test): still open
                boolean open = status == 200 || (endpoint.equals("GET /q/health") && status == 503);
                if (!open) {
                    wrong.add(endpoint + " as " + caller + ": " + status + ", expected 200");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static String expectation(boolean allowed, Caller caller) {
        if (allowed) {
            return "allowed";
        }
        return caller == Caller.ANONYMOUS || caller == Caller.BAD_KEY ? "401" : "403";
    }

    private static boolean matches(String expected, int status) {
        return switch (expected) {
            case "allowed" -> status != 401 && status != 403 && status != 429 && status < 500;
            default -> Integer.parseInt(expected) == status;
        };
    }

    private int call(HttpClient client, String endpoint, Caller caller) throws Exception {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", NO_SUCH_ID);
        String body = switch (method) {
            case "POST", "PATCH", "PUT" -> path.equals("/api/posts") ? "[]" : "{}";
            default -> null;
        };
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (AUTHORIZATION.containsKey(caller)) {
            request.header("Authorization", AUTHORIZATION.get(caller));
        }
        if (KEYS.containsKey(caller)) {
            request.header(ApiKeyAuthenticationMechanism.HEADER, KEYS.get(caller));
        }
        // headers are enough; a stream (SSE) is closed right after them
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }
}
