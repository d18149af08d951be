package dev.gilsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gilsim.scenario.Defaults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The same CPythons (3.8, 3.10, 3.11, 3.12 and 3.13) measured on a second host, an AMD EPYC VM where the asker of
 * a drop wins it far more often than on the Intel one defaults.yaml was fitted on (docs/model.md,
 * section 9). The
 * model with that host's calibrated profile must fit its measurements, and far better than with
 * the other host's defaults: a user who calibrates gets numbers for their own machine.
 */
class SecondMachineFidelityTest {
    static final Path DATA = Path.of("probes/data/linux-kvm-2core-amd");
    static final Path PROFILE = Path.of("probes/profiles/linux-kvm-2core-amd.yaml");
    /**
     * Ratchet: the share of the AMD host's figures in band with its profile (5 seeds; CPython 3.8,
     * 3.10, 3.11, 3.12 and 3.13). Measured 0.676 with the host's interruptions (C14; 0.696 over 10
     * seeds against 0.675 without, but 0.656 over 3, so the test takes 5 since); 0.676 (3 seeds)
     * since the profile's candidates are scored on all five versions ({@code calibrate --score-on
     * all}); 0.668 fitted on 3.12 alone, with glibc's groups (G12) and the timeouts queued behind
     * the holder (C13); 0.592 before those.
     */
    static final double MIN_SCORE_WITH_PROFILE = 0.67;
    /** With the Intel host's defaults instead, measured 0.38: the profile must gain this much. */
    static final double MIN_GAIN_OF_THE_PROFILE = 0.10;

    private static Validation validate(Defaults defaults) {
        return new Validator(Suite.builtin(), 5, 2, List.of(), defaults).validate(Dataset.read(DATA), s -> { });
    }

    @Test
    void theHostsCalibratedProfileFitsItsMeasurementsWhereTheOtherHostsDefaultsDoNot() {
        Validation withProfile = validate(Defaults.withProfile(PROFILE));
        Validation withDefaults = validate(Defaults.get());
        String scores = String.format(Locale.ROOT, "with the profile %.3f, with defaults.yaml %.3f",
                withProfile.score(), withDefaults.score());
        assertTrue(withProfile.score() >= MIN_SCORE_WITH_PROFILE, scores + ": below the ratchet " + MIN_SCORE_WITH_PROFILE);
        assertTrue(withProfile.score() - withDefaults.score() >= MIN_GAIN_OF_THE_PROFILE, scores);
    }

    /**
     * G11: calibrating each host's 3.12 measurements picks a share for the asker twice as high on
     * the AMD host as on the Intel one, where it picks what defaults.yaml holds.
     */
    @Test
    void calibrationFitsTheAskersShareOfEachHost() {
        assertEquals("0.8", askerShare(DATA));
        assertEquals("0.4", askerShare(FidelityTest.DATA));
    }

    /**
     * C12: the AMD host's pipe write and read alone takes 3.3 us against the scenario's 1.1, so its
     * syscalls scale by 2.88; the Intel host's 3.12 takes 1.3 us, inside the 0.95 to 1.5 us its own
     * runs spread over, so its syscalls stay as given.
     */
    @Test
    void calibrationScalesTheSyscallsOfAHostWhoseSyscallsAreSlower() {
        assertEquals("2.9", syscallScale(DATA));
        assertEquals("1.0", syscallScale(FidelityTest.DATA));
    }

    /**
     * G12, C13: on the AMD host's 3.12 measurements, with its shares, glibc's groups with a tenth
     * of the timeouts on the holder's core queued behind it put more figures in band than neither.
     */
    @Test
    void calibrationTurnsOnGlibcsGroupsWhereTheyFitTheHost() {
        Calibration c = new Calibration(Dataset.read(DATA), "3.12.1");
        List<String> sets = new ArrayList<>(c.fit().stream().map(Calibration.Fitted::assignment).toList());
        sets.add(c.syscallScale(Suite.builtin(), sets).assignment());
        sets.add("python.requester_wins=0.8");
        sets.add("python.requester_wins_against_young=0.5");
        Map<String, String> placement = c.waiterPlacement(Suite.builtin(), sets, 2).stream()
                .collect(Collectors.toMap(Calibration.Fitted::path, Calibration.Fitted::value));
        assertEquals(Map.of("machine.condvar_groups", "true", "machine.timeout_behind_holder", "0.1"), placement);
    }

    private static String syscallScale(Path data) {
        Calibration c = new Calibration(Dataset.read(data), "3.12.1");
        List<String> sets = c.fit().stream().map(Calibration.Fitted::assignment).toList();
        return c.syscallScale(Suite.builtin(), sets).value();
    }

    private static String askerShare(Path data) {
        Calibration c = new Calibration(Dataset.read(data), "3.12.1");
        List<String> sets = c.fit().stream().map(Calibration.Fitted::assignment).toList();
        Map<String, String> shares = c.requesterShares(Suite.builtin(), sets, 2).stream()
                .collect(Collectors.toMap(Calibration.Fitted::path, Calibration.Fitted::value));
        assertEquals(2, shares.size(), shares.toString());
        return shares.get("python.requester_wins");
    }
}
