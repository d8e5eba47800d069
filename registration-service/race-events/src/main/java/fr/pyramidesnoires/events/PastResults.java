package fr.pyramidesnoires.events;

import java.util.List;

/**
 * The results of one race of a past edition, as the organiser imported them from the edition's file. Public
 * fields only: name, bib, sex, category, club, nationality, rank, time and status; a file's birth dates, e-mails
 * and phones never come this far. Published whole, one message per edition and race: an import of the same
 * edition and race again replaces it.
 *
 * @param year       the edition, one a year
 * @param raceCode   the race's code in that edition, never holding {@code /}, which the key puts after the year
 * @param distanceKm the race's distance that year
 * @param rows       finishers by rank, then the runners who did not finish
 */
public record PastResults(int year, String raceCode, String raceName, double distanceKm, List<Row> rows) {

    /**
     * The most a message may weigh, in UTF-8 bytes: a broker takes 1 MiB a record batch by default, and the key and
     * the batch's own framing need what is left. A race of 2,000 runners, long names and clubs
     * included, weighs less than half of it.
     */
    public static final int MAX_BYTES = 1_000_000;

    /** The end of a past race, in the words of this edition's {@link RunnerTiming.Status}. */
    public enum Status {
        FINISHED, DNF, DNS, DSQ;

        public RunnerTiming.Status timing() {
            return RunnerTiming.Status.valueOf(name());
        }
    }

    /**
     * One runner of that race.
     *
     * @param rank     overall rank, ties sharing it; null for a runner who did not finish
     * @param lastName null with {@code firstName} when the runner's name was withheld
     * @param timeMs   the race time, null for a runner who did not finish
     */
    public record Row(Integer rank, int bib, String lastName, String firstName, EntryEvent.Sex sex, String category,
                      String club, String nationality, Long timeMs, Status status) {
    }

    public String key() {
        return key(year, raceCode);
    }

    public static String key(int year, String raceCode) {
        return year + "/" + raceCode;
    }
}
