package fr.pyramidesnoires.registration.price;

/**
 * One extra a runner orders with their entry.
 *
 * @param size          one of the extra's sizes when it has sizes, else null
 * @param quantity      how many; 1 for a donation
 * @param donationCents the amount given, for a donation only
 */
public record ExtraChoice(String code, String size, int quantity, Long donationCents) {
}
