package fr.pyramidesnoires.timing.quarantine;

import fr.pyramidesnoires.events.ChipRead;
import fr.pyramidesnoires.timing.course.Course;
import java.time.Instant;
import java.util.Set;

/**
 * Which reads are kept one by one, for {@link Quarantine} to ask about as things change: those it would list now,
 * and those a decision still to come can leave there or take out (a chip assigned later, a gun not yet fired).
 * Every other read is a runner's plain passage on their own course, after their start: it is kept in the archive
 * only, until its chip leaves the runner's race (an entry cancelled or moved to another race, its chip changed or handed to a runner of another race),
 * when the chip's reads are kept one by one too. A gun corrected to after reads already taken at a checkpoint, or a
 * courses file changed between two runs, leaves those reads out of quarantine.
 */
public final class Suspects {

    private Suspects() {
    }

    /**
     * @param read      null for a message that could not be read
     * @param course    the course of the race of the runner wearing the chip; null when nobody wears it, or their
     *                  race has no course here
     * @param chipWorn  whether a runner wears the read's chip
     * @param gunStart  the race's start signal; null while it has not been given
     * @param knownMats the mats of every course
     */
    public static boolean mayBeQuarantined(ChipRead read, boolean chipWorn, Course course, Instant gunStart,
                                           Set<String> knownMats) {
        if (read == null || !chipWorn || !knownMats.contains(read.matId())) {
            return true;
        }
        if (course == null || read.matId().equals(course.start().matId())) {
            return false;
        }
        return gunStart == null || read.readTime().toInstant().isBefore(gunStart);
    }
}
