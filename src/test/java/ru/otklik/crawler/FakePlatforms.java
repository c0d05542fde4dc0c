package ru.otklik.crawler;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * One local server standing in for api.vk.com, api.ok.ru and t.me for the whole test run (their base URLs are fixed at
 * start). Tests set a handler per path prefix and may queue faults that are served first.
 */
public class FakePlatforms implements QuarkusTestResourceLifecycleManager {

    private static MockWebServer server;
    private static final Map<String, Function<RecordedRequest, MockResponse>> HANDLERS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Deque<MockResponse> FAULTS = new ConcurrentLinkedDeque<>();
    private static final Deque<RecordedRequest> REQUESTS = new ConcurrentLinkedDeque<>();

    @Override
    public Map<String, String> start() {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                REQUESTS.add(request);
                MockResponse fault = FAULTS.poll();
                if (fault != null) {
                    return fault;
                }
                String path = request.getUrl().encodedPath();
                // the longest matching prefix wins: /method/wall.getComments over /method/wall.get
                return HANDLERS.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                        .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
                        .map(e -> e.getValue().apply(request))
                        .orElse(new MockResponse.Builder().code(404).build());
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = "http://127.0.0.1:" + server.getPort();
        return Map.of("otklik.crawler.vk.base-url", base + "/method", "otklik.crawler.telegram.base-url", base,
                "otklik.crawler.ok.base-url", base + "/fb.do");
    }

    @Override
    public void stop() {
        server.close();
    }

    public static void handle(String pathPrefix, Function<RecordedRequest, MockResponse> handler) {
        HANDLERS.put(pathPrefix, handler);
    }

    public static void fault(MockResponse response) {
        FAULTS.add(response);
    }

    public static Deque<RecordedRequest> requests() {
        return REQUESTS;
    }

    public static void reset() {
        HANDLERS.clear();
        FAULTS.clear();
        REQUESTS.clear();
    }

    public static MockResponse json(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json; charset=utf-8").body(body).build();
    }

    public static MockResponse okError(int code, String message) {
        return json("{\"error_code\":" + code + ",\"error_msg\":\"" + message + "\",\"error_data\":null}");
    }

    public static MockResponse vkError(int code, String message) {
        return json("{\"error\":{\"error_code\":" + code + ",\"error_msg\":\"" + message + "\",\"request_params\":[]}}");
    }
}
