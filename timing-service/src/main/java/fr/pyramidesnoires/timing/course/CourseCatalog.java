package fr.pyramidesnoires.timing.course;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pyramidesnoires.events.Units;
import fr.pyramidesnoires.problem.Problem;
import fr.pyramidesnoires.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The courses of the event, from the organiser's file, or the sample event's when none is given. */
@ApplicationScoped
public class CourseCatalog {

    private static final Logger LOG = Logger.getLogger(CourseCatalog.class);
    private static final String SAMPLE = "courses-sample.json";

    @ConfigProperty(name = "timing.courses-file")
    Optional<String> coursesFile;

    /** The event's units (EVENT_UNITS), in which pages write the points' distances: the file's km or miles are km. */
    @ConfigProperty(name = "timing.units")
    String unitsSetting;

    final ObjectMapper json;
    private Map<String, Course> courses;
    private Map<String, String> trackProblems;
    private Units units;

    CourseCatalog(ObjectMapper json) {
        this.json = json;
    }

    @PostConstruct
    void load() {
        // read with the courses, at start-up: a misspelt setting stops timing as it stops the other services
        units = Units.of(unitsSetting);
        // a course's gpx is found next to its courses file: in its folder, or beside the sample among the resources
        CourseTracks tracks = new CourseTracks(coursesFile.isPresent()
                ? gpx -> Files.newInputStream(Path.of(coursesFile.get()).toAbsolutePath().getParent().resolve(gpx))
                : CourseCatalog.class.getClassLoader()::getResourceAsStream);
        try (InputStream in = coursesFile.isPresent()
                ? Files.newInputStream(Path.of(coursesFile.get()))
                : CourseCatalog.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            courses = CoursesFile.read(json, in, tracks).stream()
                    .collect(Collectors.toUnmodifiableMap(Course::raceCode, Function.identity()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the courses file", e);
        }
        trackProblems = tracks.problems();
        trackProblems.forEach((race, why) -> LOG.warnf("Course %s is published without its track: %s", race, why));
        LOG.infof("Courses of %s loaded from %s", courses.keySet(), coursesFile.orElse(SAMPLE + " (sample event)"));
    }

    /** Per race, why the GPX track its courses file names is not published, for race control to show. */
    public Map<String, String> trackProblems() {
        return trackProblems;
    }

    /** A point's distance as officials read it on race control: "26.2 mi", "42.2 km". */
    public String distance(double km) {
        return units.written(km);
    }

    public java.util.Collection<Course> courses() {
        return courses.values();
    }

    /** The mats of every course: a read from any other mat is from nowhere timing knows. */
    public Set<String> mats() {
        return courses.values().stream().flatMap(c -> c.mats().stream()).collect(Collectors.toUnmodifiableSet());
    }

    /** A timing point by id; the same id in several courses is the same place on the ground. */
    public Optional<TimingPoint> point(String pointId) {
        return courses.values().stream().flatMap(c -> c.points().stream())
                .filter(p -> p.id().equals(pointId)).findFirst();
    }

    public Optional<Course> course(String raceCode) {
        return Optional.ofNullable(courses.get(raceCode));
    }

    /** The race's course, or the 404 problem an API answers for a race it does not know. */
    public Course known(String raceCode) {
        return course(raceCode).orElseThrow(() -> new ProblemException(Problem.of(404, "unknown-race",
                "Course inconnue / Unknown race", "There is no course for race " + raceCode)));
    }
}
