package fr.pyramidesnoires.results.finish;

import fr.pyramidesnoires.results.race.RaceView;
import fr.pyramidesnoires.results.race.ReadModel;
import fr.pyramidesnoires.results.race.Runner;
import fr.pyramidesnoires.results.ranking.AidStationRanking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A finisher's certificate to download from their runner page, made from the same figures as the ranking. */
@Path("/")
public class CertificateResource {

    @ConfigProperty(name = "results.event-name")
    String eventName;
    @ConfigProperty(name = "results.zone")
    ZoneId zone;
    @ConfigProperty(name = "results.aid-station-ranking")
    AidStationRanking aidStations;

    final ReadModel model;

    CertificateResource(ReadModel model) {
        this.model = model;
    }

    @GET
    @Path("races/{race}/runners/{bib}/certificat.pdf")
    @Produces("application/pdf")
    @Operation(summary = "A finisher's certificate (PDF, French and English): official time, overall, sex and"
            + " category ranks; 404 for a runner who has not finished or a race that publishes no ranking")
    public Response certificate(@PathParam("race") String race, @PathParam("bib") int bib) {
        RaceView view = RaceView.ranked(model, race, aidStations);
        Runner runner = model.runner(race, bib)
                .orElseThrow(() -> new NotFoundException("Dossard inconnu / Unknown bib: " + bib));
        Placings.Placing placing = Placings.of(view.runners()).of(bib).orElseThrow(() -> new NotFoundException(
                "Le dossard " + bib + " n'est pas arrivé : pas de diplôme / Bib " + bib
                        + " has not finished: no certificate"));
        String time = FinishLine.officialTime(runner, view).orElseThrow(() -> new NotFoundException(
                "Pas encore de temps officiel / No official time yet: " + bib));
        byte[] pdf = new FinisherCertificate(eventName, model.raceName(race),
                runner.publicName(), bib, time, placing, runner.group(), raceDay(view, runner)).pdf();
        return Response.ok(pdf).header("Content-Disposition",
                "inline; filename=\"diplome-" + race.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + bib + ".pdf\"").build();
    }

    /** The race's day in the event's zone: its planned start, else its start signal, else the runner's finish. */
    private LocalDate raceDay(RaceView view, Runner runner) {
        Optional<Instant> start = model.raceInfo(view.code()).map(r -> r.startTime().toInstant()).or(view::gun);
        return start.or(() -> runner.competitor(Set.of()).furthestTime()).orElseThrow()
                .atZone(zone).toLocalDate();
    }
}
