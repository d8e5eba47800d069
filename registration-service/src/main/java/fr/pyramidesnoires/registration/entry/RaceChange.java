package fr.pyramidesnoires.registration.entry;

import fr.pyramidesnoires.problem.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The race a runner wants to move their entry to. */
public record RaceChange(@NotBlank @Size(max = 20) @PlainText String raceCode) {
}
