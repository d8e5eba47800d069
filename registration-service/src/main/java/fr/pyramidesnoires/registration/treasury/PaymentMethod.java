package fr.pyramidesnoires.registration.treasury;

/** How an entry was paid: by card through the payment provider, or by hand to an organiser who recorded it. */
public enum PaymentMethod {
    CARD("Carte bancaire", "Card"),
    CHEQUE("Chèque", "Cheque"),
    CASH("Espèces", "Cash"),
    TRANSFER("Virement bancaire", "Bank transfer");

    private final String french;
    private final String english;

    PaymentMethod(String french, String english) {
        this.french = french;
        this.english = english;
    }

    /** Offline payments never reach the provider, so neither its statement nor its fees know them. */
    public boolean offline() {
        return this != CARD;
    }

    public String french() {
        return french;
    }

    public String english() {
        return english;
    }
}
