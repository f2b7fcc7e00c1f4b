package cn.keyida.portal.content;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Open data: one published item in the import format (personal contact data left out). */
@Path("/api/items/{slug}")
public class ContentApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "按标识获取一条已发布内容（导入格式，不含个人联系方式）")
    public ContentRecord item(@PathParam("slug") String slug) {
        ContentItem item = ContentItem.findBySlug(slug).filter(i -> i.status == ContentStatus.PUBLISHED)
                .orElseThrow(() -> new NotFoundException("未找到该内容"));
        ContentRecord r = ContentService.toRecord(item);
        return new ContentRecord(r.id(), r.type(), r.title(), r.summary(), r.body(), r.tags(), r.level(), r.region(),
                r.publishDate(), r.source(), r.sourceExtra(), r.sourceNote(), r.docNumber(), r.issuer(), r.category(),
                r.effectiveDate(), r.expiryDate(), r.supersedes(), r.interprets(), r.productType(), r.provider(),
                r.eligibility(), r.terms(), r.programType(), r.organizer(), r.scale(), r.holder(), r.field(), r.maturity(),
                r.transferMode(), r.award(), r.demander(), r.budget(), r.mode(), r.deadline(), null);
    }
}
