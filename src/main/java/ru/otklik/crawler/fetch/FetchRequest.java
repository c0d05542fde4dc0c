package ru.otklik.crawler.fetch;

import java.time.Duration;
import java.util.Map;

/**
 * One GET to make.
 *
 * @param url           absolute URL
 * @param headers       extra request headers (Accept, …)
 * @param etag          validator from the previous response, sent as If-None-Match
 * @param lastModified  validator from the previous response, sent as If-Modified-Since
 * @param rateKey       the politeness bucket; null means the URL's host. API clients use one bucket per token
 * @param minInterval   spacing between two requests of the bucket; null means the configured politeness delay
 */
public record FetchRequest(String url, Map<String, String> headers, String etag, String lastModified,
                           String rateKey, Duration minInterval) {

    public FetchRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static FetchRequest get(String url) {
        return new FetchRequest(url, Map.of(), null, null, null, null);
    }

    public FetchRequest conditional(String etag, String lastModified) {
        return new FetchRequest(url, headers, etag, lastModified, rateKey, minInterval);
    }

    public FetchRequest withHeader(String name, String value) {
        java.util.HashMap<String, String> copy = new java.util.HashMap<>(headers);
        copy.put(name, value);
        return new FetchRequest(url, copy, etag, lastModified, rateKey, minInterval);
    }

    public FetchRequest rateLimited(String key, Duration interval) {
        return new FetchRequest(url, headers, etag, lastModified, key, interval);
    }
}
