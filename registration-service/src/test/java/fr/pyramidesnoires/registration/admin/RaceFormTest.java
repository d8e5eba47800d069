package fr.pyramidesnoires.registration.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.pyramidesnoires.events.RaceEvent;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the race settings page reads the km-effort limits an organiser types, and the publication they choose. */
class RaceFormTest {

    private static final ZoneId OIGNIES = ZoneId.of("Europe/Paris");

    private static RaceForm typed(String limits) {
        RaceForm form = new RaceForm();
        form.capacity = "10";
        form.kmEffortLimits = limits;
        return form;
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"JU 30, CA 12,5", "ju 30 ; ca 12.5", "JU=30 CA: 12,5", "  CA 12.5,JU 30  "})
    void limitsAreACategoryAndItsNumberEach(String limits) {
        List<String> errors = new ArrayList<>();
        assertEquals(Map.of("JU", 30.0, "CA", 12.5), typed(limits).settings(OIGNIES, errors).kmEffortLimits());
        assertEquals(List.of(), errors);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   "})
    void noLimitsTypedMeansTheDefaults(String limits) {
        List<String> errors = new ArrayList<>();
        assertNull(typed(limits).settings(OIGNIES, errors).kmEffortLimits());
        assertEquals(List.of(), errors);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"JU trente", "JU30", "30 JU", "JU 30 et CA 15", ", ;"})
    void anythingElseIsRefusedWithHowToWriteThem(String limits) {
        List<String> errors = new ArrayList<>();
        typed(limits).settings(OIGNIES, errors);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("Limites km-effort : une catégorie et son nombre"), errors.get(0));
    }

    @Test
    void aTrailingSeparatorIsOnlyASeparator() {
        List<String> errors = new ArrayList<>();
        assertEquals(Map.of("JU", 30.0), typed("JU 30, ").settings(OIGNIES, errors).kmEffortLimits());
        assertEquals(List.of(), errors);
    }

    @Test
    void aCategoryNamedTwiceIsRefused() {
        List<String> errors = new ArrayList<>();
        typed("JU 30, JU 25").settings(OIGNIES, errors);
        assertEquals(List.of("Limites km-effort : JU est nommée deux fois / Km-effort limits: JU is named twice"),
                errors);
    }

    @Test
    void theFormShowsTheLimitsAsTheyAreTyped() {
        RaceSettings settings = new RaceSettings(10, null, null, null, Map.of("JU", 30.0, "CA", 12.5), false,
                null);
        assertEquals("CA 12.5, JU 30", RaceForm.of(settings, OIGNIES).kmEffortLimits);
        assertTrue(RaceForm.of(settings, OIGNIES).defaultLimits().contains("JU 25, MI 10"));
    }

    @Test
    void thePublicationChosenOnThePageIsTheRacesAndShowsAsChosen() {
        RaceForm form = typed("");
        form.publication = "FINISHERS";
        List<String> errors = new ArrayList<>();
        assertEquals(RaceEvent.Publication.FINISHERS, form.settings(OIGNIES, errors).publication());
        assertEquals(List.of(), errors);

        form.publication = "EVERYTHING";
        form.settings(OIGNIES, errors);
        assertEquals(List.of("Publication : un des choix de la liste / Publication: one of the list's choices"),
                errors);
        assertEquals("FINISHER_BIBS", RaceForm.of(new RaceSettings(10, null, null, null, null, false,
                RaceEvent.Publication.FINISHER_BIBS), OIGNIES).publication);
    }
}
