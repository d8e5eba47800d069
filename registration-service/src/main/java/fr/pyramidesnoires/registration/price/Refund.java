package fr.pyramidesnoires.registration.price;

/**
 * What a cancellation gives back.
 *
 * @param daysLeft calendar days from the day of cancelling to race day, in the event's zone; 0 on race day
 * @param percent  the share of the refund policy's step that applies, 0 when none does
 * @param cents    the amount to refund now
 */
public record Refund(long daysLeft, int percent, long cents) {
}
