package fr.pyramidesnoires.results.race;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.results.ranking.Ranked;
import fr.pyramidesnoires.results.ranking.RankingRules;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One race as the pages need it: its runners, its course, and the clock its times count from. */
public record RaceView(String code, List<Runner> runners, Optional<CourseEvent> course) {

    public static RaceView of(ReadModel model, String code) {
        if (!model.raceCodes().contains(code)) {
            throw new NotFoundException("Course inconnue / Unknown race: " + code);
        }
        return new RaceView(code, model.runners(code), model.course(code));
    }

    /**
     * The race for the pages that rank or time runners one by one (a runner's splits, a point's passages): a race
     * whose organiser publishes no ranking has none of them, only its list of finishers.
     */
    public static RaceView ranked(ReadModel model, String code) {
        RaceView view = of(model, code);
        if (model.publication(code) != RaceEvent.Publication.RANKING) {
            throw new NotFoundException("Cette course ne publie pas de classement / This race publishes no ranking");
        }
        return view;
    }

    public Optional<Instant> gun() {
        return course.map(CourseEvent::gunStart);
    }

    /** The start signal when given, else the runner's own start crossing. */
    public Instant zero(Runner runner) {
        return gun().orElseGet(() -> runner.passages().stream().filter(p -> p.order() == 0)
                .map(RunnerTiming.Passage::time).findFirst().orElse(null));
    }

    public List<Ranked> rankedAt(int order) {
        return RankingRules.rankAt(runners.stream().map(Runner::competitor).toList(), order);
    }

    public Optional<Integer> rankAt(int order, int bib) {
        return rankedAt(order).stream().filter(r -> r.competitor().bib() == bib).map(Ranked::rank).findFirst();
    }
}
