package ru.otklik.alert;

import static ru.otklik.security.TestCredentials.asAdmin;

import io.restassured.http.ContentType;
import java.util.List;

/** Posts that cross the reach threshold, handed over through the API as a feeder would. */
public final class AlertFixtures {

    private AlertFixtures() {
    }

    /** Stores a post that is not a complaint but reached {@code views} people; returns its id. */
    public static long widelySeenPost(String source, String externalId, long views) {
        String body = """
                [{"source": "%s", "externalId": "%s", "url": "https://vk.com/wall-1_%s", "author": "id%s",
                  "text": "Фестиваль на площади Ленина собрал тысячи зрителей, выступали городские коллективы",
                  "publishedAt": "2026-11-20T10:00:00Z", "metrics": {"likes": 10, "views": %d}}]"""
                .formatted(source, externalId, externalId, externalId, views);
        List<Integer> ids = asAdmin().contentType(ContentType.JSON).body(body).post("/api/posts").then().statusCode(200)
                .extract().jsonPath().getList("items.postId", Integer.class);
        return ids.get(0);
    }
}
