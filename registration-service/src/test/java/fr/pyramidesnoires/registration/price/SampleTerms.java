package fr.pyramidesnoires.registration.price;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.ZoneId;
import java.util.Currency;

/** A race's payment field as an organiser writes it, read as the races file is. */
final class SampleTerms {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Currency EUR = Currency.getInstance("EUR");
    /** The race's own fee: 95 €. */
    static final long RACE_FEE = 9500;
    static final String JSON = """
            {
              "prices": [
                {"until": "2027-01-01T00:00:00+01:00", "fee": 80, "name": "Tarif préférentiel / Early bird"},
                {"until": "2027-03-01T00:00:00+01:00", "fee": 95},
                {"fee": 110, "name": "Tarif tardif / Late entry"},
                {"categories": ["JU", "ES", "U18"], "fee": 60, "name": "Tarif jeunes / Youth"}
              ],
              "extras": [
                {"code": "meal", "name": "Repas d'après-course / Post-race meal", "price": 12, "stock": 300},
                {"code": "shuttle", "name": "Navette / Shuttle", "price": 5, "stock": 50},
                {"code": "tshirt", "name": "T-shirt technique / Technical T-shirt", "price": 20.50,
                 "sizes": ["XS", "S", "M", "L", "XL"], "stock": 200, "maxPerRunner": 3},
                {"code": "donation", "name": "Don à l'association / Donation", "donation": true}
              ],
              "questions": [
                {"code": "bus", "label": "Prendrez-vous la navette ? / Will you take the shuttle?",
                 "type": "yesno", "required": true},
                {"code": "start", "label": "Sas de départ / Start pen", "type": "choice",
                 "choices": ["Élite / Elite", "Loisir / Leisure"], "required": true},
                {"code": "club", "label": "Nom du club sur le dossard / Club name on the bib", "type": "text"}
              ],
              "refundPolicy": [
                {"daysBefore": 60, "percent": 100},
                {"daysBefore": 15, "percent": 50}
              ],
              "transferFee": 7.50
            }
            """;
    static final PaymentTerms TERMS = read(JSON);

    private SampleTerms() {
    }

    /** The mapper as Quarkus sets it, which takes unknown fields unless told otherwise. */
    static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    static PaymentTerms read(String json) {
        try {
            return PaymentTerms.read(mapper(), mapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
