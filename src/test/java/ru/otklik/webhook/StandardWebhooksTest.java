package ru.otklik.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {

    /** The example of the Standard Webhooks reference implementations' test suites. */
    @Test
    void signsLikeTheReferenceImplementations() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String signature = StandardWebhooks.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(StandardWebhooks.verify(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}", "v1,bm9ldHUK " + signature)).isTrue();
        assertThat(StandardWebhooks.verify(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331,
                "{\"test\": 2432232314}", signature)).isFalse();
    }

    @Test
    void generatedSecretsAreValid() {
        String secret = StandardWebhooks.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(StandardWebhooks.isValidSecret(secret)).isTrue();
        assertThat(StandardWebhooks.isValidSecret("whsec_short")).isFalse();
        assertThat(StandardWebhooks.isValidSecret("not-a-secret")).isFalse();
    }

    @Test
    void backoffDoublesUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1));
        assertThat(backoff.base(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.base(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.base(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.base(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.base(60)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.next(2)).isBetween(Duration.ofSeconds(16), Duration.ofSeconds(24));
    }
}
