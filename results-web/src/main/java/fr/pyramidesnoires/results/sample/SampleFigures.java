package fr.pyramidesnoires.results.sample;

import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.results.race.ReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Whether a page shows races whose figures are an illustration (the sample races file), for the layout to say so
 * once, as {@code inject:sampleFigures.shown(race??)}: the races' names no longer carry it.
 */
@ApplicationScoped
@Named("sampleFigures")
public class SampleFigures {

    final ReadModel model;

    SampleFigures(ReadModel model) {
        this.model = model;
    }

    /**
     * @param race the page's race code; none or blank on a page of every race (home, search, my runners), which shows the
     *             note while any race is a sample; anything else (a past edition) is no current race
     */
    public boolean shown(Object race) {
        if (race == null || race instanceof String code && code.isBlank()) {
            return model.raceCodes().stream().anyMatch(this::sample);
        }
        return race instanceof String code && sample(code);
    }

    private boolean sample(String code) {
        return model.raceInfo(code).map(RaceEvent::sample).orElse(false);
    }
}
