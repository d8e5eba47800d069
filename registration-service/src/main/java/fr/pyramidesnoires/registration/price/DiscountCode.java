package fr.pyramidesnoires.registration.price;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A discount code the organiser makes (for a club, a sponsor, volunteers) and a runner types when entering. It
 * takes an amount or a share off the entry fee only, never off the extras or a donation, and never brings the fee
 * below zero; 100 % off is a free entry, for invited runners and volunteers.
 *
 * @param amountOffCents what it takes off, in cents; null for a code in percent
 * @param percentOff     the share it takes off, 1 to 100; null for a code of an amount
 * @param raceCode       the one race it is for; null for every race of the event
 * @param maxUses        how many entries may use it; null for no limit
 * @param expiresAt      the instant it stops being taken; null for never
 */
public record DiscountCode(String code, Long amountOffCents, Integer percentOff, String raceCode, Integer maxUses,
                           Instant expiresAt) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9-]{3,32}");

    /** The code as kept and looked up: what the runner typed, stripped, in capitals. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
    }

    /** The refusal of a code the database does not hold, as the runner typed it. */
    public static PriceRefused unknown(String typed) {
        return new PriceRefused("discount-unknown", "Le code de réduction " + normalise(typed) + " n'existe pas"
                + " / There is no discount code " + normalise(typed), "discountCode");
    }

    /**
     * The code as the organiser's form makes it, normalised.
     *
     * @throws PriceRefused naming the field at fault
     */
    public DiscountCode validated() {
        String normalised = normalise(code);
        if (!CODE.matcher(normalised).matches()) {
            throw new PriceRefused("discount-code-form", "Un code de réduction a de 3 à 32 lettres, chiffres ou"
                    + " tirets / A discount code has 3 to 32 letters, digits or hyphens", "code");
        }
        if ((amountOffCents == null) == (percentOff == null)) {
            throw new PriceRefused("discount-kind", "Donnez soit un montant, soit un pourcentage de réduction /"
                    + " Give either an amount or a percentage off", amountOffCents == null ? "amountOffCents"
                    : "percentOff");
        }
        if (amountOffCents != null && amountOffCents <= 0) {
            throw new PriceRefused("discount-amount", "Le montant de la réduction doit être positif / The amount"
                    + " off must be above zero", "amountOffCents");
        }
        if (percentOff != null && (percentOff < 1 || percentOff > 100)) {
            throw new PriceRefused("discount-percent", "Le pourcentage de réduction va de 1 à 100 / The percentage"
                    + " off is from 1 to 100", "percentOff");
        }
        if (maxUses != null && maxUses < 1) {
            throw new PriceRefused("discount-max-uses", "Le nombre d'utilisations est d'au moins 1 / The number of"
                    + " uses is at least 1", "maxUses");
        }
        String race = raceCode == null || raceCode.isBlank() ? null : raceCode.strip();
        return new DiscountCode(normalised, amountOffCents, percentOff, race, maxUses, expiresAt);
    }

    /**
     * What the code takes off this entry fee.
     *
     * @param uses how many entries already used it, counted by the caller under the race's lock
     * @throws PriceRefused when expired, for another race, or used up
     */
    public long offCents(long entryCents, String race, Instant now, int uses) {
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            throw new PriceRefused("discount-expired", "Le code de réduction " + code + " a expiré / Discount code "
                    + code + " has expired", "discountCode");
        }
        if (raceCode != null && !raceCode.equals(race)) {
            throw new PriceRefused("discount-other-race", "Le code de réduction " + code + " ne vaut pas pour"
                    + " cette course / Discount code " + code + " is not for this race", "discountCode");
        }
        if (maxUses != null && uses >= maxUses) {
            throw new PriceRefused("discount-used-up", "Le code de réduction " + code + " a déjà servi autant de"
                    + " fois que prévu / Discount code " + code + " has been used up", "discountCode");
        }
        // a share is rounded down, so the code never takes off more than it says
        long off = amountOffCents != null ? amountOffCents : entryCents * percentOff / 100;
        return Math.min(off, entryCents);
    }
}
