package fr.pyramidesnoires.results.alerts;

import fr.pyramidesnoires.events.EntryEvent;
import fr.pyramidesnoires.events.RaceEvent;
import fr.pyramidesnoires.events.RunnerTiming;
import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import fr.pyramidesnoires.results.race.RaceView;
import fr.pyramidesnoires.results.race.ReadModel;
import fr.pyramidesnoires.results.race.Runner;
import fr.pyramidesnoires.results.ranking.AidStationRanking;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The spectators who follow runners by e-mail: asking, confirming and stopping, and the alert mails each good
 * passage of a followed runner owes them. Every replica sees every passage: the database, shared by them, keeps one
 * mail per follower and passage however many replicas queue it.
 */
@ApplicationScoped
@Named("followers")
public class Followers {

    private static final Duration HOUR = Duration.ofHours(1);

    final ReadModel model;
    final EntityManager em;
    final AidStationRanking aidStations;
    final int perAddress;
    final ClientQuota clients;

    Followers(ReadModel model, EntityManager em,
              @ConfigProperty(name = "results.aid-station-ranking") AidStationRanking aidStations,
              @ConfigProperty(name = "results.alerts.per-address-hourly") int perAddress,
              @ConfigProperty(name = "results.alerts.per-client-hourly") int perClient) {
        this.model = model;
        this.em = em;
        this.aidStations = aidStations;
        this.perAddress = perAddress;
        this.clients = new ClientQuota(perClient, HOUR);
    }

    /** For the runner page: whether the runner refused being followed by e-mail. */
    public boolean refused(String race, int bib) {
        return model.runner(race, bib).map(r -> r.entry().passingAlertsRefused()).orElse(false);
    }

    /**
     * A spectator asks to follow the runner: a confirmation mail goes to the address, and nothing more until they
     * confirm. Asking again for the same runner makes no second follower; a follower already confirmed is sent
     * nothing, and is told the same as anyone, so that the form never tells who follows whom.
     *
     * @param client the address the request came from
     */
    public void ask(String race, int bib, String typedAddress, String client) {
        Runner runner = followable(race, bib);
        String email = MailAddress.of(typedAddress).orElseThrow(() -> new ProblemException(new Problem(
                Problem.TYPES + "invalid-email", "Adresse invalide / Invalid address", 400,
                "Cette adresse e-mail n'est pas valable / This e-mail address is not valid",
                List.of(new Problem.FieldError("email", "adresse e-mail invalide / not a valid e-mail address")))));
        if (!clients.take(client, System.nanoTime())) {
            throw tooMany();
        }
        QuarkusTransaction.requiringNew().run(() -> queueConfirmation(runner, email, Instant.now()));
    }

    private void queueConfirmation(Runner runner, String email, Instant now) {
        long mailedLately = FollowerMail.count("kind = ?1 and createdAt > ?2 and followerId in "
                + "(select f.id from Follower f where f.email = ?3)", FollowerMail.Kind.CONFIRMATION,
                now.minus(HOUR), email);
        if (mailedLately >= perAddress) {
            throw tooMany();
        }
        EntryEvent entry = runner.entry();
        // two replicas taking the same request at once make one follower
        em.createNativeQuery("""
                        INSERT INTO follower (racecode, bib, entryid, email, createdat) VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (racecode, bib, email) DO NOTHING""")
                .setParameter(1, entry.raceCode()).setParameter(2, entry.bib()).setParameter(3, entry.entryId())
                .setParameter(4, email).setParameter(5, now).executeUpdate();
        Follower follower = Follower.find("raceCode = ?1 and bib = ?2 and email = ?3", entry.raceCode(),
                entry.bib(), email).singleResult();
        boolean sameRunner = follower.entryId.equals(entry.entryId());
        if (sameRunner && follower.confirmedAt != null) {
            return;
        }
        if (!sameRunner) {
            // the bib is another runner's now: following them is asked anew
            follower.entryId = entry.entryId();
            follower.confirmedAt = null;
        }
        String token = MailLink.next();
        FollowerMail mail = new FollowerMail();
        mail.followerId = follower.id;
        mail.kind = FollowerMail.Kind.CONFIRMATION;
        mail.raceCode = entry.raceCode();
        mail.bib = entry.bib();
        mail.runnerName = runner.publicName();
        mail.token = token;
        mail.tokenHash = MailLink.hash(token);
        mail.createdAt = now;
        mail.nextAttemptAt = now;
        mail.persist();
    }

    /** The runner's follower, confirmed; empty for a link that confirms nothing (stopped, or never sent). */
    public Optional<Follower> confirm(String token) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Follower> follower = byLink(token, FollowerMail.Kind.CONFIRMATION);
            follower.filter(f -> f.confirmedAt == null).ifPresent(f -> f.confirmedAt = Instant.now());
            return follower;
        });
    }

    /** The follower of any mail's link, stopped; empty for a link that stops nothing (already stopped). */
    public Optional<Follower> stop(String token) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Follower> follower = byLink(token, null);
            // their mails go with them, those not yet sent too
            follower.ifPresent(Follower::delete);
            return follower;
        });
    }

    /** @param kind the kind of mail the link must come from; null for any */
    private static Optional<Follower> byLink(String token, FollowerMail.Kind kind) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return FollowerMail.<FollowerMail>find("tokenHash", MailLink.hash(token)).firstResultOptional()
                .filter(mail -> kind == null || mail.kind == kind)
                .flatMap(mail -> Follower.<Follower>findByIdOptional(mail.followerId));
    }

    /**
     * Queues the alerts the runner's snapshot owes: for each good passage that is still news, one mail per follower
     * who confirmed before it. Snapshots come again (every change of the runner, every replica, every replay): the
     * mail's passage key is unique, and what is already queued or sent is left as it is.
     */
    void passed(RunnerTiming timing) {
        Instant now = Instant.now();
        List<RunnerTiming.Passage> news = AlertRules.news(timing, now);
        Optional<Runner> runner = model.runner(timing.raceCode(), timing.bib());
        if (news.isEmpty() || runner.isEmpty() || runner.get().entry().passingAlertsRefused()
                || model.publication(timing.raceCode()) != RaceEvent.Publication.RANKING) {
            return;
        }
        EntryEvent entry = runner.get().entry();
        QuarkusTransaction.requiringNew().run(() -> {
            List<Follower> followers = Follower.list("raceCode = ?1 and bib = ?2 and entryId = ?3 "
                    + "and confirmedAt is not null", entry.raceCode(), entry.bib(), entry.entryId());
            if (followers.isEmpty()) {
                return;
            }
            RaceView race = RaceView.of(model, entry.raceCode(), aidStations);
            for (RunnerTiming.Passage passage : news) {
                Integer rank = race.rankAt(passage.order(), entry.bib()).orElse(null);
                followers.stream().filter(f -> AlertRules.owed(passage, f.confirmedAt))
                        .forEach(f -> queuePassage(f, passage, rank, runner.get().publicName(), now));
            }
        });
    }

    private void queuePassage(Follower follower, RunnerTiming.Passage passage, Integer rank, String name,
                              Instant now) {
        String token = MailLink.next();
        em.createNativeQuery("""
                        INSERT INTO followermail (followerid, kind, racecode, bib, pointorder, pointname, passedat,
                            rank, runnername, token, tokenhash, createdat, attempts, nextattemptat)
                        VALUES (?1, 'PASSAGE', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0, ?11)
                        ON CONFLICT (followerid, racecode, bib, pointorder) DO NOTHING""")
                .setParameter(1, follower.id).setParameter(2, follower.raceCode).setParameter(3, follower.bib)
                .setParameter(4, passage.order()).setParameter(5, passage.pointName())
                .setParameter(6, passage.time()).setParameter(7, rank).setParameter(8, name)
                .setParameter(9, token).setParameter(10, MailLink.hash(token)).setParameter(11, now)
                .executeUpdate();
    }

    /**
     * A runner who refuses being followed, or whose entry is cancelled, loses their followers: nothing more is sent
     * to them, and a runner who accepts again is followed only by those who ask again.
     */
    void entryChanged(EntryEvent entry) {
        QuarkusTransaction.requiringNew().run(() -> Follower.delete("entryId", entry.entryId()));
    }

    /** Whether an entry's change ends its followers: most do not, and cost no query. */
    static boolean endsFollowing(EntryEvent entry) {
        return entry.type() == EntryEvent.Type.CANCELLED || entry.passingAlertsRefused();
    }

    private Runner followable(String race, int bib) {
        RaceView.requireRanking(model, race);
        Runner runner = model.runner(race, bib).orElseThrow(() -> new ProblemException(Problem.of(404,
                "unknown-bib", "Dossard inconnu / Unknown bib", "Aucun coureur n'a ce dossard / No runner has this bib")));
        if (runner.entry().passingAlertsRefused()) {
            throw new ProblemException(Problem.of(409, "alerts-refused",
                    "Suivi par e-mail refusé / Following by e-mail refused",
                    "Ce coureur ne souhaite pas être suivi par e-mail / This runner does not wish to be followed by e-mail"));
        }
        return runner;
    }

    private static ProblemException tooMany() {
        return new ProblemException(Problem.of(429, "too-many-alert-requests", "Trop de demandes / Too many requests",
                "Trop de demandes de suivi pour l'instant, réessayez dans une heure / Too many follow requests for now,"
                        + " try again in an hour"));
    }
}
