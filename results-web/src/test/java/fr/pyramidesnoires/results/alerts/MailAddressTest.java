package fr.pyramidesnoires.results.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MailAddressTest {

    @Test
    void anAddressIsKeptInLowerCaseWithoutSurroundingSpaces() {
        assertEquals(Optional.of("camille.lefebvre+trail@club-lens.fr"),
                MailAddress.of("  Camille.Lefebvre+Trail@Club-Lens.FR "));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"camille", "camille@", "@club.fr", "camille@club", "camille@@club.fr", "a@b@club.fr",
            "camille lefebvre@club.fr", "camille@club..fr", "camille@.club.fr", "camille@club.fr.",
            "Camille <camille@club.fr>", "camille@club.fr, other@club.fr", "camille@club.fr\nBcc: x@y.fr"})
    void whatCannotBeAnAddressIsRefused(String typed) {
        assertEquals(Optional.empty(), MailAddress.of(typed));
    }

    @Test
    void anAddressLongerThanMailServersTakeIsRefused() {
        String local = "a".repeat(64);
        String domain = "b".repeat(186) + ".fr";
        assertEquals(254, (local + "@" + domain).length());
        assertEquals(Optional.of(local + "@" + domain), MailAddress.of(local + "@" + domain));
        assertEquals(Optional.empty(), MailAddress.of(local + "@b" + domain));
    }
}
