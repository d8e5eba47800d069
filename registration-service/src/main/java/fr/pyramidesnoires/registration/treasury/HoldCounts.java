package fr.pyramidesnoires.registration.treasury;

/**
 * A race's entries as the payment flow left them: places held waiting for payment, entries paid, and holds that
 * expired unpaid, which tell the treasurer how many runners gave up at the payment page.
 */
public record HoldCounts(String raceCode, long held, long paid, long expired) {
}
