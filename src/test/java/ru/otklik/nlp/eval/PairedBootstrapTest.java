package ru.otklik.nlp.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

    @Test
    void identicalSystemsDifferByNothing() {
        boolean[] a = pattern(200, 3);
        PairedBootstrap b = PairedBootstrap.of(a, a.clone());
        assertThat(b.difference()).isZero();
        assertThat(b.low()).isZero();
        assertThat(b.high()).isZero();
    }

    @Test
    void theIntervalIsPairedNotTwoIndependentSamples() {
        // A is B plus 10 more right answers out of 400: a +2.5-point gain that two independent samples of 400
        // could not separate (their interval would be about ±6.6 points), but pairing sees only the 10 items
        // where the systems differ, all in A's favour.
        boolean[] b = pattern(400, 2);
        boolean[] a = b.clone();
        int flipped = 0;
        for (int i = 0; i < a.length && flipped < 10; i++) {
            if (!a[i]) {
                a[i] = true;
                flipped++;
            }
        }
        PairedBootstrap r = PairedBootstrap.of(a, b);
        assertThat(r.accuracyA()).isEqualTo(0.525);
        assertThat(r.accuracyB()).isEqualTo(0.5);
        assertThat(r.difference()).isCloseTo(0.025, within(1e-12));
        assertThat(r.low()).isGreaterThan(0.0).isLessThan(0.025);
        assertThat(r.high()).isGreaterThan(0.025).isLessThan(0.05);
    }

    @Test
    void aNoisyDifferenceGetsAnIntervalThatContainsZero() {
        // 30 items each way: no real difference
        boolean[] a = new boolean[300];
        boolean[] b = new boolean[300];
        for (int i = 0; i < 30; i++) {
            a[i] = true;
            b[100 + i] = true;
        }
        PairedBootstrap r = PairedBootstrap.of(a, b);
        assertThat(r.difference()).isZero();
        assertThat(r.low()).isLessThan(0.0);
        assertThat(r.high()).isGreaterThan(0.0);
        assertThat(PairedBootstrap.of(a, b)).as("seeded, so a report can be rebuilt").isEqualTo(r);
    }

    @Test
    void refusesUnpairedInput() {
        assertThatThrownBy(() -> PairedBootstrap.of(new boolean[3], new boolean[4]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean[] pattern(int n, int every) {
        boolean[] r = new boolean[n];
        for (int i = 0; i < n; i++) {
            r[i] = i % every == 0;
        }
        return r;
    }
}
