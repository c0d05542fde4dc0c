package ru.otklik.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The feed's timestamps must read exactly as Jackson writes an Instant (DateTimeFormatter.ISO_INSTANT). */
class IsoInstantTest {

    private static void assertAsIsoInstant(OffsetDateTime time) {
        assertThat(IsoInstant.format(time)).as("%s", time).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(time));
    }

    @Test
    void fractionsAreWrittenInGroupsOfThreeDigitsOnlyAsLongAsNeeded() {
        OffsetDateTime second = OffsetDateTime.parse("2026-03-01T10:00:00Z");
        assertThat(IsoInstant.format(second)).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(IsoInstant.format(second.withNano(120_000_000))).isEqualTo("2026-03-01T10:00:00.120Z");
        assertThat(IsoInstant.format(second.withNano(123_456_000))).isEqualTo("2026-03-01T10:00:00.123456Z");
        assertThat(IsoInstant.format(second.withNano(1_000))).isEqualTo("2026-03-01T10:00:00.000001Z");
        assertThat(IsoInstant.format(second.withNano(1))).isEqualTo("2026-03-01T10:00:00.000000001Z");
    }

    @Test
    void otherOffsetsAreWrittenInUtc() {
        assertThat(IsoInstant.format(OffsetDateTime.parse("2026-01-01T02:30:00.5+03:00")))
                .isEqualTo("2025-12-31T23:30:00.500Z");
    }

    @Test
    void farYearsGoThroughTheFormatter() {
        char[] out = new char[IsoInstant.MAX_LENGTH];
        OffsetDateTime far = OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        assertThat(IsoInstant.write(far, out)).isEqualTo(-1);
        assertAsIsoInstant(far);
        assertAsIsoInstant(OffsetDateTime.of(-1, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.UTC));
        assertAsIsoInstant(OffsetDateTime.MAX);
        assertAsIsoInstant(OffsetDateTime.MIN);
        assertAsIsoInstant(OffsetDateTime.of(0, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertAsIsoInstant(OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC));
    }

    @Test
    void randomTimesReadAsTheFormatterWritesThem() {
        Random random = new Random(14);
        for (int i = 0; i < 100_000; i++) {
            long second = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(i % 5 == 0 ? random.nextInt(-18 * 3600, 18 * 3600) : 0);
            assertAsIsoInstant(OffsetDateTime.ofInstant(Instant.ofEpochSecond(second, nano), offset));
        }
    }
}
