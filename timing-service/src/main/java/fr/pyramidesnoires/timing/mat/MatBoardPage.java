package fr.pyramidesnoires.timing.mat;

import fr.pyramidesnoires.timing.account.Account;
import fr.pyramidesnoires.timing.ingest.ConsumerLag;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;

/** The mat board as a page that refreshes itself, for the timing crew's laptop. */
@Path("/mats")
@RolesAllowed(Account.OFFICIAL)
public class MatBoardPage {

    @CheckedTemplate(basePath = "MatBoard")
    static class Templates {
        static native TemplateInstance mats(List<MatBoard.MatStatus> mats, Duration silentAfter, Duration clockLimit,
                                             ConsumerLag.Snapshot lag);
    }

    final MatBoard board;
    final ConsumerLag lag;

    MatBoardPage(MatBoard board, ConsumerLag lag) {
        this.board = board;
        this.lag = lag;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.mats(board.mats(), board.silentAfter, board.clockLimit, lag.snapshot());
    }
}
