package fr.pyramidesnoires.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws a plausible trail field: about a third women, mostly 25-55 years old, more runners on the short races,
 * paces spread like a real results list, a few percent who never start or withdraw at an aid station.
 */
final class FieldGenerator {

    private static final String[] WOMEN = {"Camille", "Léa", "Manon", "Chloé", "Emma", "Julie", "Sarah", "Inès",
            "Pauline", "Marion", "Claire", "Lucie", "Anaïs", "Élodie", "Sophie", "Aurélie", "Céline", "Nathalie"};
    private static final String[] MEN = {"Thomas", "Nicolas", "Julien", "Maxime", "Antoine", "Hugo", "Lucas",
            "Kévin", "Romain", "Sébastien", "Mathieu", "Florian", "Guillaume", "Olivier", "Jérôme", "Bruno"};
    private static final String[] LAST = {"Martin", "Bernard", "Dubois", "Lefebvre", "Leroy", "Moreau", "Lefèvre",
            "Petit", "Roux", "Fournier", "Dupont", "Lambert", "Delattre", "Carpentier", "Dufour", "Lemaire",
            "Vasseur", "Delmotte", "Wallet", "Lecomte", "Duhamel", "Kowalski", "Nowak", "Mortier", "Boulanger",
            "Caron", "Deprez", "Leclercq", "Maes", "Descamps"};
    private static final String[] CLUBS = {"US Oignies Athlétisme", "Running Club Hénin-Beaumont",
            "AC Lens Liévin", "Trail Team Gohelle", "EA Béthune", "Les Foulées Carvinoises", "Lille Métropole Athlétisme",
            "Douai Athlétisme", null, null, null};
    /** Share of the field per race: most runners choose the shorter ones. */
    private static final Map<String, Double> SHARE = Map.of("22K", 0.38, "35K", 0.27, "55K", 0.2, "110K", 0.15);

    private FieldGenerator() {
    }

    static List<SimRunner> field(List<SimCourse> courses, int size, Random random) {
        List<SimRunner> field = new ArrayList<>(size);
        double total = courses.stream().mapToDouble(c -> SHARE.getOrDefault(c.raceCode(), 0.25)).sum();
        for (SimCourse course : courses) {
            long count = Math.round(size * SHARE.getOrDefault(course.raceCode(), 0.25) / total);
            for (int i = 0; i < count && field.size() < size; i++) {
                field.add(runner(course, random));
            }
        }
        return field;
    }

    private static SimRunner runner(SimCourse course, Random random) {
        boolean woman = random.nextDouble() < 0.33;
        String first = pick(woman ? WOMEN : MEN, random);
        // the ultra needs Espoirs or older: keep everyone 20 or over
        int age = 20 + (int) Math.round(Math.abs(random.nextGaussian()) * 14 + random.nextInt(18));
        LocalDate birthDate = LocalDate.of(2027 - Math.min(age, 78), 1 + random.nextInt(12), 1 + random.nextInt(28));
        // log-normal around 6 min per km-effort fresh: the 110 km (130 km-effort) won in about 9 h, its median
        // finisher near 15 h once tired, the slowest tail caught by the cut-offs
        double pace = 6.0 * Math.exp(0.22 * random.nextGaussian()) * (woman ? 1.08 : 1.0);
        boolean starts = random.nextDouble() >= 0.04;
        int intermediates = course.points().size() - 2;
        int withdrawAt = intermediates > 0 && random.nextDouble() < 0.05 ? 1 + random.nextInt(intermediates) : -1;
        return new SimRunner(first, pick(LAST, random), woman ? "F" : "H", birthDate, pick(CLUBS, random),
                course.raceCode(), pace, withdrawAt, starts);
    }

    private static <T> T pick(T[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}
