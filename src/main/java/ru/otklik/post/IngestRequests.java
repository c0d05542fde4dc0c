package ru.otklik.post;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Counts each {@code POST /api/posts} as ingest in flight ({@link IngestActivity}) from its first byte to its
 * answer, its body's upload and JSON parsing included: a feeder's next batch is on its way while the previous one's
 * answer is read, so counting only the statements would leave gaps in which the analysis queue claims a batch and
 * takes the cores from the ingest.
 */
@ApplicationScoped
public class IngestRequests {

    private final IngestActivity activity;

    public IngestRequests(IngestActivity activity) {
        this.activity = activity;
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, "/api/posts").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::count);
    }

    private void count(RoutingContext ctx) {
        IngestActivity.Batch batch = activity.begin();
        // called once the answer is sent, and also when the connection closes first
        ctx.addEndHandler(ignored -> batch.end());
        ctx.next();
    }
}
