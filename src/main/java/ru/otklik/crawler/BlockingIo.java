package ru.otklik.crawler;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;
import ru.otklik.crawler.fetch.FetchException;
import ru.otklik.crawler.fetch.FetchRequest;
import ru.otklik.crawler.fetch.FetchResponse;
import ru.otklik.crawler.fetch.Fetcher;

/**
 * Runs the blocking fetcher on a Vert.x worker thread and resumes on the caller's context, so the reactive
 * session used to store the result stays on its own thread. Fetch failures become {@link CrawlFailure}s.
 */
@ApplicationScoped
public class BlockingIo {

    private final Vertx vertx;
    private final Fetcher fetcher;

    public BlockingIo(Vertx vertx, Fetcher fetcher) {
        this.vertx = vertx;
        this.fetcher = fetcher;
    }

    public Uni<FetchResponse> fetch(FetchRequest request) {
        return run(() -> fetcher.fetch(request));
    }

    /** Fetches and parses on the worker: parsing a page is CPU work that must not hold the event loop. */
    public <T> Uni<T> fetch(FetchRequest request, java.util.function.Function<FetchResponse, T> parse) {
        return run(() -> parse.apply(fetcher.fetch(request)));
    }

    /** Any blocking work (robots.txt parsing, a blocking fetch sequence); unordered so crawls run in parallel. */
    public <T> Uni<T> run(Callable<T> work) {
        Uni<T> blocking = Uni.createFrom().item(() -> {
            try {
                return work.call();
            } catch (FetchException e) {
                // a retryable failure comes back after a back-off; 404, 403 or an oversized body need a person
                throw e.retryable() ? CrawlFailure.transientFailure(e.getMessage(), e.retryAt(), e)
                        : CrawlFailure.skipped(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CrawlFailure.transientFailure("Запрос прерван", null, e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw CrawlFailure.transientFailure(e.toString(), null, e);
            }
        });
        return vertx.executeBlocking(blocking, false);
    }
}
