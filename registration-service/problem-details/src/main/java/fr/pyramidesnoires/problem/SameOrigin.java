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
     * @param base   the address this request came to
     * @throws ProblemException 403 when the form came from another site
     */
    public static void check(String origin, URI base) {
        String ours = base.getScheme() + "://" + base.getAuthority();
        if (origin != null && !origin.equals(ours)) {
            throw new ProblemException(Problem.of(403, "cross-site", "Requête refusée / Request refused",
                    "Un changement se fait depuis ces pages / A change is made from these pages only"));
        }
    }
}
