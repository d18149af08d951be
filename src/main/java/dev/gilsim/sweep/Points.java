package dev.gilsim.sweep;

import java.io.IOException;

/**
 * Where a sweep keeps its finished points: each is written the moment its last replication is
 * in, and read before a point runs, so a sweep stopped half-way resumes where it stopped. The
 * engine does not know how they are kept; {@code output.PointStore} keeps one file per point.
 */
public interface Points {
    /** The stored result of a point of this sweep, or null when it still has to run. */
    PointResult read(int point);

    void write(PointResult result) throws IOException;
}
