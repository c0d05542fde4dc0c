package ru.otklik.crawler.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A successful answer: 2xx with its body, or 304 when the conditional GET found nothing new.
 *
 * @param finalUrl     URL after redirects, the base for relative links
 * @param contentType  Content-Type header, may be null
 * @param etag         ETag to send next time, may be null
 * @param lastModified Last-Modified to send next time, may be null
 */
public record FetchResponse(int status, String finalUrl, byte[] body, String contentType, String etag,
                            String lastModified) {

    public boolean notModified() {
        return status == 304;
    }

    /** The body as text in its declared charset (UTF-8 by default), without a leading byte-order mark. */
    public String text() {
        Charset charset = StandardCharsets.UTF_8;
        if (contentType != null) {
            int at = contentType.toLowerCase().indexOf("charset=");
            if (at >= 0) {
                String name = contentType.substring(at + 8).split("[;\\s]")[0].replace("\"", "");
                try {
                    charset = Charset.forName(name);
                } catch (RuntimeException unknown) {
                    // a server's misspelt charset must not fail the crawl; UTF-8 is by far the most likely
                }
            }
        }
        return Bom.strip(new String(body, charset));
    }
}
