package dev.gilsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.scenario.Defaults;
import dev.gilsim.scenario.ScenarioLoader;
import dev.gilsim.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {
    @TempDir
    Path dir;

    private static Map<String, Calibration.Fitted> fits() {
        Calibration c = new Calibration(Dataset.read(FidelityTest.DATA), "3.12.1");
        List<Calibration.Fitted> fits = new ArrayList<>(c.fit());
        List<String> sets = fits.stream().map(Calibration.Fitted::assignment).toList();
        fits.add(c.loopTimerWakeup(Suite.builtin(), sets));
        fits.add(c.wakeupLatency(Suite.builtin().only("^(heartbeat-5ms|sleeper)"), sets, 2));
        fits.add(c.handoffWakeup(Suite.builtin().only("^(heartbeat-5ms-[2-4]cpu|convoy-pipe)"), sets, 2));
        return fits.stream().collect(Collectors.toMap(Calibration.Fitted::path, f -> f));
    }

    @Test
    void theCommittedMeasurementsGiveTheMachineParametersDefaultsYamlHolds() {
        Map<String, Calibration.Fitted> fits = fits();
        assertEquals("50.0us", fits.get("machine.timer_slack").value());
        // defaults.yaml: wake-up 45 us, polled 5 us, loop timer wake-up 160 us; fitted from 3.12.
        assertTrue(fits.get("python.wakeup_latency").value().matches("\\{lognormal: \\{median: (25|35|45|60|80)us, sigma: .*"),
                fits.get("python.wakeup_latency").value());
        assertTrue(fits.get("machine.handoff_wakeup").value().matches("\\{lognormal: \\{median: (5|10|15|20)us, sigma: 0.40\\}\\}"),
                fits.get("machine.handoff_wakeup").value());
        assertTrue(fits.get("machine.polled_wakeup").value().matches("\\{lognormal: \\{median: [3-9]\\.\\dus.*"),
                fits.get("machine.polled_wakeup").value());
        assertTrue(fits.get("server.loop.timer_wakeup").value().matches("\\{lognormal: \\{median: 1\\d\\dus.*"),
                fits.get("server.loop.timer_wakeup").value());
    }

    /**
     * G13 is kept where it brings the convoy's figures nearer, and turned off where it does not:
     * on 3.8, whose time.sleep(0) is a short release, the Intel host's measurements keep the 1 us
     * window; the same window with a 200 us return (a catch slower than any wake-up) is turned off.
     */
    @Test
    void theAwakeWindowStaysWhereTheConvoyFitsBetterWithItAndGoesWhereItFitsWorse() {
        Calibration c = new Calibration(Dataset.read(FidelityTest.DATA), "3.8.18");
        assertEquals("1us", c.awakeWindow(Suite.builtin(), List.of(), 2).value());
        assertEquals("0", c.awakeWindow(Suite.builtin(), List.of("machine.awake_return=200us"), 2).value());
    }

    /**
     * Scored on several versions (calibrate --score-on), the direct fits still read the fitted
     * version's runs alone (3.12's time.sleep(0) sleeps, so it fits a polled wake-up that 3.8's
     * cannot), while what a profile is worth counts every scored version's figures.
     */
    @Test
    void theGridsScoreEveryScoredVersionAndTheDirectFitsReadOne() {
        Calibration c = new Calibration(Dataset.read(FidelityTest.DATA), "3.12.1", List.of("3.8.18", "3.12.1"));
        List<String> paths = c.fit().stream().map(Calibration.Fitted::path).toList();
        assertTrue(paths.contains("machine.polled_wakeup"), paths.toString());
        Validation both = c.validate(Defaults.get(), 2);
        assertEquals(List.of("3.12.1", "3.8.18"), both.figures().stream().map(FigureComparison::version).distinct()
                .sorted().toList());
    }

    /**
     * C8: on 3.8 and 3.10 time.sleep(0) is a 0.4 us syscall, not a sleep, so it says nothing
     * about the polled wake-up; the fit leaves it out rather than fitting 0.5 us.
     */
    @Test
    void aZeroSleepThatNeverSleepsFitsNoPolledWakeUp() {
        for (String v : List.of("3.8.18", "3.10.13")) {
            List<String> paths = new Calibration(Dataset.read(FidelityTest.DATA), v).fit().stream()
                    .map(Calibration.Fitted::path).toList();
            assertTrue(paths.contains("machine.timer_slack"), v + ": " + paths);
            assertFalse(paths.contains("machine.polled_wakeup"), v + ": " + paths);
        }
    }

    @Test
    void aWrittenProfileLoadsAndReplacesTheDefaults() throws Exception {
        Path profile = dir.resolve("kvm.yaml");
        Files.writeString(profile, ProfileText.of("test profile\nsecond line",
                List.of(new Calibration.Fitted("python.wakeup_latency", "{exponential: {mean: 70us}}", "a test"),
                        new Calibration.Fitted("machine.timer_slack", "1us", "another"),
                        new Calibration.Fitted("server.loop.timer_wakeup", "9us", "a third"))));
        Scenario s = new ScenarioLoader(Defaults.withProfile(profile)).load("x.yaml", """
                name: x
                processes:
                  - name: app
                    threads: [{name: t, steps: [{cpu: 1ms}]}]
                """, List.of()).first();
        assertEquals(1_000, s.machine().timerSlackNanos());
        assertTrue(s.python().wakeupLatency().toString().toLowerCase().contains("exponential"),
                s.python().wakeupLatency().toString());
    }

    @Test
    void aScenarioNamesItsMachineProfileBesideIt() throws Exception {
        Files.writeString(dir.resolve("kvm.yaml"), ProfileText.of("test",
                List.of(new Calibration.Fitted("machine.timer_slack", "7us", "a test"))));
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, """
                name: s
                machine: {cores: 4, profile: kvm.yaml}
                processes:
                  - name: app
                    threads: [{name: t, steps: [{cpu: 1ms}]}]
                """);
        Scenario s = new ScenarioLoader().load(scenario, List.of()).first();
        assertEquals(7_000, s.machine().timerSlackNanos());
        assertEquals(4, s.machine().cores());
    }

    @Test
    void aMissingMachineProfileIsALocatedError() throws Exception {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, """
                name: s
                machine: {profile: nowhere.yaml}
                processes:
                  - name: app
                    threads: [{name: t, steps: [{cpu: 1ms}]}]
                """);
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.gilsim.scenario.InputException.class,
                () -> new ScenarioLoader().load(scenario, List.of()));
        assertTrue(e.getMessage().contains("s.yaml:2:") && e.getMessage().contains("machine.profile"), e.getMessage());
    }
}
