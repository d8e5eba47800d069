package fr.pyramidesnoires.registration.admin;

import fr.pyramidesnoires.registration.entry.EntryChanged;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How full the event is. Counts by sex and category are of confirmed entries: the people on the start line.
 *
 * @param races        in start order
 * @param mailsWaiting mails to runners the mail server has not taken yet, retries included
 * @param mailsGivenUp the latest mails the server kept refusing for a day: those runners must be told another way
 */
public record Dashboard(List<RaceFill> races, long confirmed, long waitlisted, Map<String, Long> bySex,
                        Map<String, Long> byCategory, long mailsWaiting, List<GivenUpMail> mailsGivenUp) {

    public record GivenUpMail(long id, UUID entryId, String recipient, EntryChanged.Change change,
                              String lastError) {

        /** What the mail told, as the dashboard names it. */
        public String told() {
            return switch (change) {
                case ENTERED -> "inscription / entry";
                case PROMOTED -> "place libérée / place freed";
                case TRANSFERRED -> "transfert / transfer";
                case RACE_CHANGED -> "changement de course / race change";
                case CANCELLED -> "annulation / cancellation";
                case OFFERED -> "place offerte à payer / place offered, to pay";
                case PAID -> "paiement reçu / payment received";
                case HOLD_EXPIRED -> "réservation expirée / hold expired";
                case REFUNDED -> "remboursement / refund";
            };
        }
    }

    /**
     * @param held             places held while their runners pay: gone unless the hold runs out
     * @param fillRate         confirmed / capacity, 0 to 1
     * @param documentsChecked confirmed entries whose documents an organiser checked
     */
    public record RaceFill(String code, String name, int capacity, long confirmed, long held, long waitlisted,
                           long cancelled,
                           double fillRate, long documentsChecked, Map<String, Long> bySex,
                           Map<String, Long> byCategory) {

        /** The fill rate as the dashboard page shows it. */
        public long percent() {
            return Math.round(fillRate * 100);
        }
    }
}
