package fr.pyramidesnoires.problem;

import java.net.URI;

/**
 * A browser sends the HTTP Basic password of an organiser or an official with every request to the site, whoever
 * asks for it: a change posted from a page must come from this site's own pages, not from a form on another.
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    /**
     * @param origin the request's Origin header; browsers send it with every cross-site form, so its absence
     *               means a request no other site made the browser send
     * @param ours   the addresses this site answers at: the one the request came to, and any public one. Only
     *               host and port count: a proxy in front that speaks TLS hands the request on in plain HTTP
     * @throws ProblemException 403 when the form came from another site
     */
    public static void check(String origin, URI... ours) {
        if (origin == null) {
            return;
        }
        String from = authority(origin);
        for (URI address : ours) {
            if (address.getAuthority() != null && address.getAuthority().equalsIgnoreCase(from)) {
                return;
            }
        }
        throw new ProblemException(Problem.of(403, "cross-site", "Requête refusée / Request refused",
                "Un changement se fait depuis ces pages / A change is made from these pages only"));
    }

    /** "null" and anything unreadable name no site of ours. */
    private static String authority(String origin) {
        try {
            String authority = URI.create(origin).getAuthority();
            return authority == null ? "" : authority;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
