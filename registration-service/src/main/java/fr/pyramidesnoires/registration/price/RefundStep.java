package fr.pyramidesnoires.registration.price;

/**
 * One step of a race's refund policy: a runner who cancels {@code daysBefore} days or more before race day gets
 * back {@code percent} % of what they paid, unless an earlier step of the policy gives more.
 */
public record RefundStep(int daysBefore, int percent) {
}
