package fr.pyramidesnoires.timing.course;

import fr.pyramidesnoires.events.Topics;
import fr.pyramidesnoires.timing.kafka.EventPublisher;
import fr.pyramidesnoires.timing.official.OfficialDecision;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/** Tells the rest of the platform the courses and race clocks timing works with. */
@ApplicationScoped
public class CoursePublisher {

    final CourseCatalog catalog;
    final EventPublisher publisher;

    CoursePublisher(CourseCatalog catalog, EventPublisher publisher) {
        this.catalog = catalog;
        this.publisher = publisher;
    }

    void publishAll(@Observes StartupEvent start) {
        List<EventPublisher.Message> messages = QuarkusTransaction.requiringNew().call(() -> catalog.courses().stream()
                .map(CoursePublisher::message).toList());
        publisher.sendAll(messages);
    }

    /** The course with its current start signal; must be called inside a transaction. */
    public static EventPublisher.Message message(Course course) {
        return new EventPublisher.Message(Topics.COURSES, course.raceCode(),
                course.publicEvent(OfficialDecision.gunStart(course.raceCode())));
    }
}
