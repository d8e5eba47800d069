package fr.pyramidesnoires.matagent.status;

import fr.pyramidesnoires.matagent.forward.Delivery;
import fr.pyramidesnoires.matagent.reader.ReaderTap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one light the volunteer looks at, with why. Red: something to do now (a reader not connected, the platform
 * refusing the reads). Orange: worth a look (a reader silent while runners are expected, reads piling up while
 * the network is down, a reader's clock off, reads the platform keeps aside). Green: all is well. Every reason in French, then English.
 */
public final class MatLight {

    public enum Colour {
        GREEN, ORANGE, RED
    }

    /** @param reasons each in French then English; empty when green */
    public record Light(Colour colour, List<String> reasons) {
    }

    /**
     * When the mat expects runners, and how much is tolerated.
     *
     * @param expectedFrom  null: runners are expected once the mat read its first
     * @param silentAfter   a reader with nothing for this long while runners are expected is silent
     * @param deliveryLate  reads waiting this long without a delivery mean the network is down
     * @param clockLimit    how far a reader's clock may be from the platform's
     */
    public record Rules(Instant expectedFrom, Instant expectedUntil, Duration silentAfter, Duration deliveryLate,
                        Duration clockLimit) {
    }

    private MatLight() {
    }

    public static Light of(List<ReaderTap.State> readers, Delivery delivery, long waiting, Instant now, Rules rules) {
        List<String> red = new ArrayList<>();
        List<String> orange = new ArrayList<>();
        boolean anyRead = readers.stream().anyMatch(r -> r.lastRead() != null);
        boolean expected = rules.expectedFrom() == null ? anyRead
                : !now.isBefore(rules.expectedFrom()) && (rules.expectedUntil() == null
                        || now.isBefore(rules.expectedUntil()));
        for (ReaderTap.State reader : readers) {
            if (!reader.connected()) {
                red.add("Lecteur " + reader.readerId() + " non connecté / Reader " + reader.readerId()
                        + " not connected" + (reader.lastError() == null ? "" : " (" + reader.lastError() + ")"));
            } else if (expected && (reader.lastRead() == null
                    || Duration.between(reader.lastRead(), now).compareTo(rules.silentAfter()) > 0)) {
                String since = reader.lastRead() == null ? "" : " depuis / for "
                        + Duration.between(reader.lastRead(), now).toMinutes() + " min";
                orange.add("Lecteur " + reader.readerId() + " muet / Reader " + reader.readerId() + " silent" + since);
            }
            Duration offset = offsetFromPlatform(reader, delivery);
            if (offset != null && offset.abs().compareTo(rules.clockLimit()) > 0) {
                orange.add("Horloge du lecteur " + reader.readerId() + " décalée de / Reader clock off by "
                        + String.format(Locale.ROOT, "%+.1f s", offset.toMillis() / 1000.0));
            }
        }
        if (delivery.lastRefused() != null
                && Duration.between(delivery.lastRefused(), now).compareTo(rules.silentAfter()) < 0) {
            orange.add("La plateforme met des lectures en quarantaine (" + delivery.refused() + " depuis le début) :"
                    + " heure ou réglage du lecteur ? / The platform quarantines reads (" + delivery.refused()
                    + " so far): the reader's clock or settings?");
        }
        String failure = delivery.lastFailure();
        if (failure != null && failure.startsWith("platform answered 4")) {
            red.add("La plateforme refuse les lectures / The platform refuses the reads: " + failure);
        } else if (waiting > 0 && (delivery.lastDelivery() == null
                || Duration.between(delivery.lastDelivery(), now).compareTo(rules.deliveryLate()) > 0)) {
            orange.add(waiting + " lectures en attente d'envoi, réseau coupé ? Elles sont gardées. / " + waiting
                    + " reads waiting to be sent, network down? They are kept.");
        }
        if (!red.isEmpty()) {
            red.addAll(orange);
            return new Light(Colour.RED, red);
        }
        return new Light(orange.isEmpty() ? Colour.GREEN : Colour.ORANGE, orange);
    }

    /** The reader's clock against the platform's: both are known against the laptop's, whose own error cancels. */
    static Duration offsetFromPlatform(ReaderTap.State reader, Delivery delivery) {
        if (reader.readerClock() == null) {
            return null;
        }
        return delivery.platformClock() == null ? reader.readerClock()
                : reader.readerClock().minus(delivery.platformClock());
    }
}
