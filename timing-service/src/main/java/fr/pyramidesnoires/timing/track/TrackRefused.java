package fr.pyramidesnoires.timing.track;

/**
 * Why a course's GPX track is not published: the file is the organiser's upload, so anything in it may be wrong,
 * and the course is then published without its line rather than with a wrong one.
 */
public class TrackRefused extends Exception {

    public TrackRefused(String reason) {
        super(reason);
    }
}
