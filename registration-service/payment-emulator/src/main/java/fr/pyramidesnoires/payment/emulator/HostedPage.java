package fr.pyramidesnoires.payment.emulator;

import java.math.BigDecimal;
import java.util.Locale;

/** The emulator's stand-in for Stripe's hosted checkout page: it says that no money is taken, whatever it shows. */
final class HostedPage {

    private HostedPage() {
    }

    static String render(StripeApi.Session session) {
        String body = switch (session.status) {
            case "open" -> """
                    <form method="post">
                      <button name="action" value="pay">Payer / Pay</button>
                      <button name="action" value="cancel">Annuler / Cancel</button>
                    </form>""";
            case "complete" -> "<p>Ce paiement est déjà fait. / This payment is already made.</p>";
            default -> "<p>Cette page de paiement a expiré : elle ne peut plus être payée. / "
                    + "This payment page has expired: it can no longer be paid.</p>";
        };
        BigDecimal amount = BigDecimal.valueOf(session.amount, 2);
        String currency = escape(session.currency.toUpperCase(Locale.ROOT));
        return """
                <!DOCTYPE html>
                <html lang="fr">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Paiement simulé / Emulated payment</title>
                  <style>
                    body { font-family: sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; }
                    .notice { background: #fff3cd; border: 1px solid #e0b000; padding: .75rem; }
                    .amount { font-size: 1.5rem; font-weight: bold; }
                    button { font-size: 1.1rem; padding: .5rem 1.25rem; margin-right: .5rem; }
                  </style>
                </head>
                <body>
                <main>
                  <p class="notice" role="alert">Paiement simulé localement : aucun argent n'est pris /
                    Payments emulated locally: no money is taken</p>
                  <h1>%s</h1>
                  <p class="amount">%s %s / %s %s</p>
                  %s
                </main>
                </body>
                </html>
                """.formatted(escape(session.product), amount.toPlainString().replace('.', ','), currency,
                currency, amount.toPlainString(), body);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
