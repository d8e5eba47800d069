package fr.pyramidesnoires.registration.admin;

import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.registration.category.Category;
import fr.pyramidesnoires.registration.entry.Entry;
import fr.pyramidesnoires.registration.entry.Registrations;
import fr.pyramidesnoires.registration.outbox.Outbox;
import fr.pyramidesnoires.registration.race.Race;
import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Arrays;

/** An organiser's changes to a race while entries run. */
@ApplicationScoped
public class RaceChanges {

    final Registrations registrations;
    final Outbox outbox;

    RaceChanges(Registrations registrations, Outbox outbox) {
        this.registrations = registrations;
        this.outbox = outbox;
    }

    /**
     * Under the race's lock, like every entry into it. A capacity never drops below the places already given
     * (an organiser cancels or moves entries first) nor above the bibs the race has; places it adds go at once
     * to the waitlist, in order.
     */
    @Transactional
    public Race change(String code, RaceSettings settings) {
        Race race = Race.lockForEntry(code);
        if (race == null) {
            throw refused(404, "unknown-race", "Aucune course " + code + " / There is no race " + code);
        }
        long taken = Entry.placesTaken(code);
        if (settings.capacity() < taken) {
            throw refused(409, "capacity-below-confirmed", code + " a " + taken
                    + " places confirmées ou réservées : annulez-en ou déplacez-en avant de passer à "
                    + settings.capacity() + " places / " + code + " has " + taken + " places confirmed or held:"
                    + " cancel or move some before lowering its capacity to " + settings.capacity());
        }
        int bibs = race.bibLast - race.bibFirst + 1;
        if (settings.capacity() > bibs) {
            throw refused(422, "capacity-over-bibs", code + " a " + bibs + " dossards (" + race.bibFirst + "-"
                    + race.bibLast + "), moins que " + settings.capacity() + " places / " + code + " has " + bibs
                    + " bibs, fewer than " + settings.capacity() + " places");
        }
        if (settings.entriesOpen() != null && settings.entriesClose() != null
                && !settings.entriesOpen().isBefore(settings.entriesClose())) {
            throw refused(422, "entries-window", "Les inscriptions ouvrent avant de fermer"
                    + " / Entries must open before they close");
        }
        if (settings.kmEffortLimits() != null) {
            settings.kmEffortLimits().keySet().stream().filter(c -> !isCategory(c)).findFirst().ifPresent(c -> {
                throw refused(422, "unknown-category", "Aucune catégorie " + c + " / No category " + c
                        + "; categories: " + Arrays.toString(Category.values()));
            });
        }
        race.capacity = settings.capacity();
        race.entriesOpen = settings.entriesOpen();
        race.entriesClose = settings.entriesClose();
        race.fee = settings.fee();
        race.kmEffortLimits = settings.kmEffortLimits();
        race.medicalCertificateAllowed = settings.medicalCertificateAllowed();
        race.publication = settings.publication();
        outbox.queue(Topics.RACES, race.code, race.publicEvent());
        registrations.promoteWaitlist(race);
        return race;
    }

    private static boolean isCategory(String code) {
        return Arrays.stream(Category.values()).anyMatch(c -> c.name().equals(code));
    }

    private static ProblemException refused(int status, String type, String detail) {
        return new ProblemException(Problem.of(status, type, "Modification refusée / Change refused", detail));
    }
}
