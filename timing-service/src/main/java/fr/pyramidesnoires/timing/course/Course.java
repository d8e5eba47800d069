package fr.pyramidesnoires.timing.course;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A race's timing points in course order: the first is the start, the last the finish. */
public record Course(String raceCode, List<TimingPoint> points) {

    public Course {
        if (points.size() < 2) {
            throw new IllegalArgumentException("course " + raceCode + " needs at least a start and a finish");
        }
        points = List.copyOf(points);
    }

    public TimingPoint start() {
        return points.get(0);
    }

    public int finishOrder() {
        return points.size() - 1;
    }

    public Set<String> mats() {
        return points.stream().map(TimingPoint::matId).collect(Collectors.toUnmodifiableSet());
    }
}
