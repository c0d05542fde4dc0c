package ru.otklik.crawler.ok;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The request signature of the Odnoklassniki REST API ({@code fb.do}): {@code sig} is the lower-case MD5 of the
 * sorted {@code name=value} pairs of every parameter except {@code access_token} and {@code sig}, concatenated
 * with no separator, followed by the session secret {@code md5(access_token + application_secret_key)}. Pure.
 */
public final class OkSignature {

    private OkSignature() {
    }

    public static String sign(Map<String, String> params, String accessToken, String applicationSecretKey) {
        StringBuilder base = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (!name.equals("access_token") && !name.equals("sig")) {
                base.append(name).append('=').append(value);
            }
        });
        return md5(base + sessionSecret(accessToken, applicationSecretKey));
    }

    static String sessionSecret(String accessToken, String applicationSecretKey) {
        return md5(accessToken + applicationSecretKey);
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
