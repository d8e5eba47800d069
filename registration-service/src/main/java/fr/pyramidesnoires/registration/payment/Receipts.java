package fr.pyramidesnoires.registration.payment;

import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** A receipt as a download, named so that a runner's folder of receipts sorts by payment. */
public final class Receipts {

    private Receipts() {
    }

    public static Response pdf(byte[] pdf, UUID payment) {
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"recu-receipt-" + payment + ".pdf\"")
                .header("Cache-Control", "no-store").build();
    }
}
