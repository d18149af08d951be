package dev.gilsim.metrics;

import static dev.gilsim.kernel.Durations.millis;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AppMetricsTest {

    /**
     * Window 100..300 ms. Pool p of api-0: 2 waiting from 50 to 150, 0 until 200, then a
     * per-request instance p@1 adds 1 until the end. Inside the window: 2 for 50 ms, 0 for 50 ms,
     * 1 for 100 ms: mean (100 + 0 + 100) / 200 = 1.0; max 2 (held inside the window).
     */
    @Test
    void queueLengthIsWeightedByTimeInsideTheWindowAndPerRequestPoolsAddUp() {
        AppMetrics m = new AppMetrics(new Window(millis(100), millis(300)));
        m.executorQueueLength("api-0", "p", 2, millis(50));
        m.executorQueueLength("api-0", "p", 0, millis(150));
        m.executorQueueLength("api-0", "p@1", 1, millis(200));
        m.finish();
        AppSummary.Executor x = m.summary().executors().get(0);
        assertEquals("p", x.executor());
        assertEquals(1.0, x.queueLengthMean(), 1e-9);
        assertEquals(2, x.queueLengthMax());
    }

    /**
     * The timeline of {@link #fourRequests}, over time. In flight, sampled at each change inside the window:
     * 0 at 110 (the one from 50 answered), 1 at 150, 2 at 160, 3 at 170, 2 at 170 (the one from 160
     * completed), 1 at 171 (the one from 170 rejected). Completions per second in 20 ms buckets
     * (1000 ms / 50): one in 100..120 (at 110), one in 160..180 (at 170): 50/s at 120 and 180, 0
     * elsewhere, up to the window's end.
     */
    @Test
    void requestsInFlightAndCompletedPerSecondAreSeriesOverTheWindow() {
        AppMetrics m = fourRequests();
        TimeSeries inFlight = m.series().stream().filter(s -> s.key().equals("in_flight:api")).findFirst().orElseThrow()
                .series();
        assertArrayEquals(new long[] {millis(110), millis(150), millis(160), millis(170), millis(170), millis(171)},
                inFlight.times());
        assertArrayEquals(new long[] {0, 1, 2, 3, 2, 1}, inFlight.values());
        TimeSeries done = m.series().stream().filter(s -> s.key().equals("completed_per_s:api")).findFirst()
                .orElseThrow().series();
        assertEquals(50, done.size(), "a point at the end of each 20 ms bucket of the 1 s window");
        assertEquals(millis(120), done.times()[0]);
        assertEquals(50, done.values()[0]);
        assertEquals(0, done.values()[1]);
        assertEquals(50, done.values()[3], "the bucket 160..180");
        assertEquals(millis(1100), done.times()[49]);
    }

    @Test
    void throughputBucketsAreAFiftiethOfTheWindowInOneTwoFiveSteps() {
        assertEquals(millis(1), AppMetrics.bucket(millis(10)));
        assertEquals(millis(20), AppMetrics.bucket(millis(1000)));
        assertEquals(millis(100), AppMetrics.bucket(millis(9500)));
        assertEquals(millis(200), AppMetrics.bucket(millis(10_000)));
    }

    /**
     * Completed and rejected count in the window; unfinished counts every request still open at the
     * end; the latency counts the answered in the window and, censored at the window's end, the
     * unanswered that were offered in it. Timeline (window 100 to 1100 ms): arrivals at 50, 150,
     * 160 and 170; the one from 50 completes at 110 (60 ms), the one from 170 is rejected at 171,
     * the one from 160 completes at 170 (10 ms); the one from 150 is never answered: 950 ms at the end.
     */
    @Test
    void requestsAreCountedByFateAndTheUnansweredAreCensoredAtTheEnd() {
        AppMetrics m = fourRequests();
        AppSummary.Endpoint e = m.summary().endpoints().get(0);
        assertEquals(3, e.arrived());
        assertEquals(2, e.completed());
        assertEquals(1, e.rejected());
        assertEquals(1, e.unfinished());
        assertEquals(1, e.censored());
        assertEquals(2.0, e.throughputPerSecond(), 1e-9);
        assertEquals(3, e.latency().count());
        assertEquals(950.0, e.latency().maxMs(), 0.5);
    }

    @Test
    void aRequestUnansweredSinceTheWarmUpIsUnfinishedButNotCensored() {
        AppMetrics m = new AppMetrics(new Window(millis(100), millis(1100)));
        m.registerEndpoint("api", "crunch");
        m.requestArrived("api", "crunch", millis(10));
        m.finish();
        AppSummary.Endpoint e = m.summary().endpoints().get(0);
        assertEquals(1, e.unfinished());
        assertEquals(0, e.censored());
        assertEquals(0, e.latency().count());
    }

    @Test
    void loopLagSamplesFormASeriesAndNeverGoNegative() {
        AppMetrics m = new AppMetrics(new Window(0, millis(100)));
        m.registerLoop("api-0");
        m.loopLag("api-0", millis(1), millis(10));
        m.loopLag("api-0", millis(5), millis(20));
        assertThrows(IllegalStateException.class, () -> m.loopLag("api-0", -1, millis(30)));
        NamedSeries s = m.series().get(0);
        assertEquals("loop_lag:api-0", s.key());
        assertArrayEquals(new long[] {millis(10), millis(20)}, s.series().times());
        assertArrayEquals(new long[] {millis(1), millis(5)}, s.series().values());
        assertEquals("loop_lag:api-0", m.latencies().get(0).key());
    }

    /**
     * Window 100 to 1100 ms: arrivals at 50, 150, 160 and 170; the one from 50 completes at 110
     * (60 ms), the one from 160 at 170 (10 ms), the one from 170 is rejected at 171, the one from
     * 150 is never answered. Reported in time order, as a run reports them.
     */
    private static AppMetrics fourRequests() {
        AppMetrics m = new AppMetrics(new Window(millis(100), millis(1100)));
        m.registerEndpoint("api", "ping");
        m.requestArrived("api", "ping", millis(50));
        m.requestAnswered("api", "ping", millis(50));
        m.requestCompleted("api", "ping", 0, millis(60), millis(110));
        m.requestArrived("api", "ping", millis(150));
        m.requestArrived("api", "ping", millis(160));
        m.requestArrived("api", "ping", millis(170));
        m.requestAnswered("api", "ping", millis(160));
        m.requestCompleted("api", "ping", 0, millis(10), millis(170));
        m.requestAnswered("api", "ping", millis(170));
        m.requestRejected("api", "ping", 0, millis(1), millis(171));
        m.finish();
        return m;
    }
}
