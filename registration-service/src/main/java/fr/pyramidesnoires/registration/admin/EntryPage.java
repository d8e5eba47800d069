package fr.pyramidesnoires.registration.admin;

import java.util.List;

/**
 * One page of a search.
 *
 * @param page  from 0
 * @param total entries matching the search, on every page
 */
public record EntryPage(List<AdminEntry> entries, int page, int size, long total) {

    /** The page as a person counts it, from 1. */
    public int number() {
        return page + 1;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
