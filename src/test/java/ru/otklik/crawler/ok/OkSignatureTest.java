package ru.otklik.crawler.ok;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signature recipe, checked against values computed independently with coreutils' md5sum. */
class OkSignatureTest {

    @Test
    void sessionSecretIsMd5OfTokenAndApplicationSecret() {
        // printf 'tok123secret' | md5sum
        assertEquals("c80c0b616111d540d9087c8bb3e389b7", OkSignature.sessionSecret("tok123", "secret"));
    }

    @Test
    void signsSortedPairsWithoutTokenAndSigFollowedByTheSessionSecret() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("method", "mediatopic.getTopics");
        params.put("gid", "555");
        params.put("format", "json");
        params.put("application_key", "CBAkey");
        params.put("count", "20");
        params.put("anchor", "abc");
        params.put("access_token", "tok123");
        params.put("sig", "stale");
        // printf 'anchor=abcapplication_key=CBAkeycount=20format=jsongid=555method=mediatopic.getTopics%s' \
        //        c80c0b616111d540d9087c8bb3e389b7 | md5sum
        assertEquals("1c288e857321ba74ed03c886e4143e29", OkSignature.sign(params, "tok123", "secret"));
    }
}
