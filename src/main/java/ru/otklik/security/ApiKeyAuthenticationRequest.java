package ru.otklik.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The key a machine sent in {@code X-API-Key}. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
