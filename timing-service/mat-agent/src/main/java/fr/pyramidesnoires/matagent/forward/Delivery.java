package fr.pyramidesnoires.matagent.forward;

import java.time.Duration;
import java.time.Instant;

/**
 * How forwarding goes, for the volunteer's page and the platform's mat board.
 *
 * @param lastDelivery  when the platform last took a batch; null before the first
 * @param lastFailure   why the last try failed; null once a batch went through
 * @param platformClock how far the platform's clock is ahead of the laptop's (negative: behind), from its last
 *                      answer; null before the first
 * @param refused       reads the platform kept aside as unusable (in quarantine) since the agent started
 * @param lastRefused   when it last did; null while it has not
 */
public record Delivery(Instant lastDelivery, String lastFailure, Duration platformClock, long refused,
                       Instant lastRefused) {

    static final Delivery NONE = new Delivery(null, null, null, 0, null);

    Delivery failed(String why) {
        return new Delivery(lastDelivery, why, platformClock, refused, lastRefused);
    }
}
