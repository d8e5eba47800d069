package fr.pyramidesnoires.results.course;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the course profile and map, as {course:...}: French in messages/course_fr.properties, English in
 * messages/course_en.properties.
 */
@MessageBundle(value = "course", locale = "fr")
public interface CourseMessages {

    String profileTitle();

    String profileSummary(int placed, long finishers, String time);

    String climbOnly();

    String onCourse();

    String leaders();

    String finishers();

    String followed();

    String cutoff();

    String map();

    String mapTitle();

    String mapSummary(String time);

    String noMap();

    String profileLink();
}
