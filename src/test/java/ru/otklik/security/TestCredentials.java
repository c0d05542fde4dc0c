package ru.otklik.security;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Users and keys for security tests, created through the admin API as an operator would. */
public final class TestCredentials {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String PASSWORD = "password-for-tests";

    private TestCredentials() {
    }

    public static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    public static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, PASSWORD);
    }

    public static RequestSpecification withKey(String key) {
        return given().header(ApiKeyAuthenticationMechanism.HEADER, key);
    }

    /** Creates a user with a unique name and returns the name. */
    public static String user(String role, String agencyCode) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = agencyCode == null
                ? Map.of("username", name, "password", PASSWORD, "roles", List.of(role))
                : Map.of("username", name, "password", PASSWORD, "roles", List.of(role), "agencyCode", agencyCode);
        asAdmin().contentType(ContentType.JSON).body(body).post("/api/admin/users").then().statusCode(201);
        return name;
    }

    /** Creates a key and returns it (shown once). */
    public static String key(Integer ratePerMinute, String... scopes) {
        Map<String, Object> body = ratePerMinute == null
                ? Map.of("name", "test-" + UUID.randomUUID(), "scopes", List.of(scopes))
                : Map.of("name", "test-" + UUID.randomUUID(), "scopes", List.of(scopes), "ratePerMinute", ratePerMinute);
        return asAdmin().contentType(ContentType.JSON).body(body).post("/api/admin/api-keys").then().statusCode(201)
                .extract().jsonPath().getString("key");
    }
}
