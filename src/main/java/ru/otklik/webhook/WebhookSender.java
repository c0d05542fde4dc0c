package ru.otklik.webhook;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Map;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One HTTP POST to a receiver, asynchronous (OkHttp's own threads, never the event loop). No retries here:
 * retrying is the outbox's job, durably and with backoff. Redirects are not followed, so a receiver cannot
 * bounce signed alerts to an address nobody registered.
 */
@ApplicationScoped
public class WebhookSender {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int MAX_ERROR_LENGTH = 500;

    private final OkHttpClient client;

    public WebhookSender(WebhookConfig config) {
        this.client = new OkHttpClient.Builder()
                .callTimeout(config.timeout())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
    }

    Uni<DeliveryResult> post(String url, Map<String, String> headers, String body) {
        return Uni.createFrom().emitter(emitter -> {
            Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(body, JSON))
                    .header("User-Agent", "Otklik-Webhooks/1");
            headers.forEach(request::header);
            long started = System.nanoTime();
            Call call = client.newCall(request.build());
            emitter.onTermination(call::cancel);
            call.enqueue(new Callback() {
                @Override
                public void onResponse(Call c, Response response) {
                    try (response) {
                        int status = response.code();
                        String error = status >= 200 && status < 300 ? null : "HTTP " + status;
                        emitter.complete(new DeliveryResult(status, error, millisSince(started)));
                    }
                }

                @Override
                public void onFailure(Call c, IOException e) {
                    String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                    emitter.complete(new DeliveryResult(null, message.length() > MAX_ERROR_LENGTH
                            ? message.substring(0, MAX_ERROR_LENGTH) : message, millisSince(started)));
                }
            });
        });
    }

    private static int millisSince(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    @PreDestroy
    void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
