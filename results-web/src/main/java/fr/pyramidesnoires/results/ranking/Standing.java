package fr.pyramidesnoires.results.ranking;

/**
 * Where a runner stands in the race, declared in the order a results page lists them: the ranked finishers, the
 * ranked runners still on course, then those listed apart.
 */
enum Standing {
    FINISHED, ON_COURSE, NOT_STARTED, DNF, DSQ, DNS;

    static Standing of(Competitor competitor) {
        return switch (competitor.status()) {
            case FINISHED -> FINISHED;
            // Without a single read there is nothing to rank them on: as far as timing knows, they are still in
            // the start pen.
            case ON_COURSE -> competitor.passages().isEmpty() ? NOT_STARTED : ON_COURSE;
            case NOT_STARTED -> NOT_STARTED;
            case DNF -> DNF;
            case DSQ -> DSQ;
            case DNS -> DNS;
        };
    }

    boolean isRanked() {
        return this == FINISHED || this == ON_COURSE;
    }
}
