package fr.pyramidesnoires.timing.course;

import fr.pyramidesnoires.events.CourseEvent;
import fr.pyramidesnoires.timing.track.CourseTrack;
import fr.pyramidesnoires.timing.track.Gpx;
import fr.pyramidesnoires.timing.track.TrackRefused;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The GPX tracks a courses file names, read as the courses are. A track that cannot be read, or makes no sense for
 * its course, never stops timing: the course goes without it, and why is kept for the organisers to see.
 */
public final class CourseTracks {

    /** Opens a file named by a courses file's {@code gpx}; null, or FileNotFoundException, where there is none. */
    @FunctionalInterface
    public interface TrackFiles {
        InputStream open(String gpx) throws IOException;
    }

    private final TrackFiles files;
    private final Map<String, String> problems = new TreeMap<>();

    public CourseTracks(TrackFiles files) {
        this.files = files;
    }

    /** The course's line from its GPX file, or none when the file will not do, noted in {@link #problems()}. */
    List<CourseEvent.TrackPoint> of(Course course, String gpx) {
        try (InputStream in = files.open(gpx)) {
            if (in == null) {
                throw new FileNotFoundException(gpx);
            }
            return CourseTrack.of(Gpx.read(in), course.start().km(), course.points().get(course.finishOrder()).km());
        } catch (FileNotFoundException | NoSuchFileException missing) {
            problems.put(course.raceCode(), "GPX file " + gpx + ": no such file");
        } catch (IOException unreadable) {
            problems.put(course.raceCode(), "GPX file " + gpx + ": cannot be read (" + unreadable + ")");
        } catch (TrackRefused refused) {
            problems.put(course.raceCode(), "GPX file " + gpx + ": " + refused.getMessage());
        }
        return List.of();
    }

    /** Per race, why its GPX track is not published. */
    public Map<String, String> problems() {
        return Map.copyOf(problems);
    }
}
