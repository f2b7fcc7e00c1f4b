package cn.keyida.portal.search;

import cn.keyida.portal.security.Roles;
import cn.keyida.portal.web.InvalidInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** Staff view of search: top and zero-result queries, most opened results, and the synonym list. */
@Path("/staff/search")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class SearchAdminPages {

    static final int DAYS = 30;

    private final SearchLog log;
    private final Synonyms synonyms;

    SearchAdminPages(SearchLog log, Synonyms synonyms) {
        this.log = log;
        this.synonyms = synonyms;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stats(int days, List<SearchLog.QueryCount> top, List<SearchLog.QueryCount> zero,
                Map<String, Long> clicks, List<SearchSynonym> synonyms, List<SearchSynonym> fillers, String error);
    }

    @GET
    public TemplateInstance stats() {
        return page(null);
    }

    @POST
    @Path("/synonyms")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addSynonym(@RestForm String terms) {
        try {
            synonyms.add(terms);
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/staff/search#synonyms")).build();
    }

    @POST
    @Path("/fillers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addFillers(@RestForm String terms) {
        try {
            synonyms.add(terms, SearchSynonym.Kind.FILLER);
        } catch (InvalidInputException e) {
            return Response.status(400).entity(page(e.getMessage())).build();
        }
        return Response.seeOther(URI.create("/staff/search#fillers")).build();
    }

    @POST
    @Path("/synonyms/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteSynonym(@PathParam("id") long id) {
        synonyms.delete(id);
        return Response.seeOther(URI.create("/staff/search#synonyms")).build();
    }

    private TemplateInstance page(String error) {
        Instant since = Instant.now().minus(Duration.ofDays(DAYS));
        return Templates.stats(DAYS, log.topQueries(since, false, 30), log.topQueries(since, true, 30),
                log.topClicks(since, 20), synonyms.list(), synonyms.listFillers(), error);
    }
}
