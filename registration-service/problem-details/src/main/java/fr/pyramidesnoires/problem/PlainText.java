package fr.pyramidesnoires.problem;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Optional;

/**
 * A one-line text a person typed and others will read: a name, a club, an address, a number. It may hold any
 * letter, mark, digit, punctuation, symbol or space, but no character that is not shown as itself: control
 * characters (C0 with tab and line breaks, DEL, C1; PostgreSQL refuses NUL outright, ESC starts a terminal escape
 * in a log), format characters (Unicode Cf: bidi overrides and isolates that turn a published name around,
 * zero-width spaces that make two equal-looking names differ, the BOM), line and paragraph separators, private
 * use characters and lone surrogates.
 * <p>
 * Zero-width non-joiner and joiner (U+200C, U+200D) are part of how names are written in Persian, Urdu and the
 * Indic scripts, so they are kept where they can have that use only: between two letters or marks of one such
 * script. Between Latin, Greek or Cyrillic letters, at either end, or next to a space or digit they only hide a
 * difference, and are refused like the other format characters. Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = PlainText.Check.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

    String message() default "{fr.pyramidesnoires.problem.PlainText.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PlainText, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            Optional<Integer> refused = value == null ? Optional.empty() : firstRefused(value);
            if (refused.isEmpty()) {
                return true;
            }
            // the refused character named by its code point, since it cannot be shown: the runner can find it
            String code = String.format(Locale.ROOT, "U+%04X", refused.get());
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("contient un caractère invisible ou de contrôle (" + code
                    + ") : retapez ce champ / holds an invisible or control character (" + code
                    + "): type this field again").addConstraintViolation();
            return false;
        }

        /** For a value no constraint is checked on, such as a form's select. */
        public static boolean isPlain(CharSequence text) {
            return text == null || firstRefused(text).isEmpty();
        }

        /** The first code point such a text may not hold, if any. */
        static Optional<Integer> firstRefused(CharSequence text) {
            int previous = -1;
            for (int i = 0; i < text.length(); ) {
                int codePoint = Character.codePointAt(text, i);
                i += Character.charCount(codePoint);
                int next = i < text.length() ? Character.codePointAt(text, i) : -1;
                if (refused(previous, codePoint, next)) {
                    return Optional.of(codePoint);
                }
                previous = codePoint;
            }
            return Optional.empty();
        }

        private static boolean refused(int previous, int codePoint, int next) {
            return switch (Character.getType(codePoint)) {
                case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                     Character.PRIVATE_USE, Character.SURROGATE -> true;
                case Character.FORMAT -> !joinerInAWord(previous, codePoint, next);
                default -> false;
            };
        }

        /** ZWNJ or ZWJ between two letters or marks of the same script, one whose words use them. */
        private static boolean joinerInAWord(int previous, int codePoint, int next) {
            if (codePoint != 0x200C && codePoint != 0x200D || previous < 0 || next < 0
                    || !letterOrMark(previous) || !letterOrMark(next)) {
                return false;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(previous);
            return script == Character.UnicodeScript.of(next) && switch (script) {
                case LATIN, GREEK, CYRILLIC, COMMON, INHERITED -> false;
                default -> true;
            };
        }

        private static boolean letterOrMark(int codePoint) {
            return Character.isLetter(codePoint) || switch (Character.getType(codePoint)) {
                case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK -> true;
                default -> false;
            };
        }
    }
}
