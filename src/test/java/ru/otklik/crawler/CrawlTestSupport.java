package ru.otklik.crawler;

import static io.restassured.RestAssured.given;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import ru.otklik.post.Post;
import ru.otklik.source.Source;

/** Helpers for crawl tests on the embedded database. */
public final class CrawlTestSupport {

    private CrawlTestSupport() {
    }

    public static ValidatableResponse createSource(String json) {
        return given().contentType(ContentType.JSON).body(json).post("/api/sources").then();
    }

    public static ValidatableResponse run(String key) {
        return given().post("/api/sources/{key}/run", key).then().statusCode(200);
    }

    public static List<Post> posts(String key) {
        return await(() -> Panache.withSession(() -> Source.findByKey(key)
                .chain(s -> Post.<Post>list("sourceId = ?1 order by externalId", s.id))));
    }

    public static Source source(String key) {
        return await(() -> Panache.withSession(() -> Source.findByKey(key)));
    }

    public static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
