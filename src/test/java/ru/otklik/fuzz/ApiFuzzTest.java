package ru.otklik.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import ru.otklik.fuzz.HostileRequests.Request;
import ru.otklik.fuzz.OpenApiOperations.Operation;
import ru.otklik.security.ApiKeyAuthenticationMechanism;
import ru.otklik.security.Roles;
import ru.otklik.security.TestCredentials;

/**
 * Drives every operation of the OpenAPI document with hostile values, as an admin and as an API key holding
 * every scope, and asserts that no answer is a 5xx and that every 4xx is {@code application/problem+json}.
 *
 * <p>Bounded by default (the seeds of {@code fuzz/seeds.txt}, {@value #DEFAULT_CASES} cases per operation, caller
 * and seed). Longer runs: {@code -Dotklik.fuzz.rounds=N} adds N fresh seeds, {@code -Dotklik.fuzz.cases=N} sets
 * the cases; see docs/fuzzing.md.
 */
@QuarkusTest
class ApiFuzzTest {

    static final int DEFAULT_CASES = 5;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noOperationAnswersA5xxAndEveryErrorIsAProblem() throws Exception {
        JsonNode openapi = MalformedValues.JSON.readTree(
                RestAssured.given().queryParam("format", "json").get("/q/openapi").asString());
        List<Operation> operations = new OpenApiOperations(openapi).all();
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(40);
        HostileRequests requests = new HostileRequests(new OpenApiOperations(openapi), MalformedValues.load());
        Map<String, String> callers = callers();
        int cases = Integer.getInteger("otklik.fuzz.cases", DEFAULT_CASES);

        List<Long> seeds = seeds();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Long> millis = new TreeMap<>();
        long started = System.nanoTime();
        int sent = 0;
        for (long seed : seeds) {
            Random random = new Random(seed);
            for (Operation op : operations) {
                for (Map.Entry<String, String> caller : callers.entrySet()) {
                    for (int i = 0; i < cases; i++) {
                        Request request = requests.next(op, random);
                        long t0 = System.nanoTime();
                        String failure = send(request, caller.getValue(), statuses);
                        millis.merge(op.toString(), (System.nanoTime() - t0) / 1_000_000, Long::sum);
                        sent++;
                        if (failure != null) {
                            failures.add("seed " + seed + ", " + caller.getKey() + ": " + request.describe() + " → " + failure);
                        }
                    }
                }
            }
        }
        System.out.printf("API fuzz: %d requests, %d operations, seeds %s, %d s; answers by status %s; slowest %s%n",
                sent, operations.size(), seeds, (System.nanoTime() - started) / 1_000_000_000, statuses,
                millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5).toList());
        assertThat(failures).as("answers that are 5xx, or errors without a problem+json body").isEmpty();
    }

    /** The committed seeds, then one fresh seed per extra round (printed, to commit it if it finds something). */
    private static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (String line : MalformedValues.resourceLines("fuzz/seeds.txt")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                seeds.add(Long.parseLong(line.strip()));
            }
        }
        Random fresh = new Random();
        for (int round = 0; round < Integer.getInteger("otklik.fuzz.rounds", 0); round++) {
            seeds.add(fresh.nextLong());
        }
        return seeds;
    }

    /** An admin with a password, and an API key with every scope and room for a burst of requests. */
    private static Map<String, String> callers() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("admin", "Authorization: Basic " + Base64.getEncoder().encodeToString(
                (TestCredentials.ADMIN + ":" + TestCredentials.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        callers.put("api key", ApiKeyAuthenticationMechanism.HEADER + ": "
                + TestCredentials.key(1_000_000, Roles.POSTS_WRITE, Roles.FEEDS_READ, Roles.ALERTS_READ));
        return callers;
    }

    /** Sends one request; returns what is wrong with the answer, or null. */
    private String send(Request request, String credential, Map<Integer, Integer> statuses) throws InterruptedException {
        int colon = credential.indexOf(": ");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + request.target()))
                .timeout(Duration.ofSeconds(60))
                .header(credential.substring(0, colon), credential.substring(colon + 2))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body()));
        if (request.contentType() != null && request.body() != null) {
            builder.header("Content-Type", request.contentType());
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException closed) {
            // a connection the server closed after its previous answer (Connection: close) may be picked from
            // the pool before the close is seen: one retry on a new connection tells that from no answer at all
            try {
                response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                return "no answer: " + e;
            }
        }
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        try (InputStream body = response.body()) {
            if (status < 400) {
                return null; // a stream (SSE) is closed right after its headers
            }
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500) {
                return status + " " + text;
            }
            if (!type.startsWith("application/problem+json")) {
                return status + " as '" + type + "': " + text;
            }
            JsonNode problem = MalformedValues.JSON.readTree(text);
            if (problem.path("status").asInt() != status || problem.path("title").asText("").isBlank()) {
                return status + " with a malformed problem: " + text;
            }
            return null;
        } catch (IOException e) {
            return status + ", body unreadable: " + e;
        }
    }
}
