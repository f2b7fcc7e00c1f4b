package cn.keyida.portal.market;

import cn.keyida.portal.common.AttachmentType;
import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.web.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Attachments of achievements: PDF and images only, checked by content with the portal's one upload check
 * ({@link AttachmentType#problem}, as needs and vouchers do); all files of an upload or none. Published
 * achievements' files are public like the rest of the registration; drafts' only to the owner and staff.
 */
@ApplicationScoped
public class MarketAttachments {

    static final Set<AttachmentType> ALLOWED = Set.of(AttachmentType.PDF, AttachmentType.PNG, AttachmentType.JPEG,
            AttachmentType.GIF, AttachmentType.WEBP);

    public record Upload(String fileName, byte[] data) {}

    private final MarketConfig config;
    private final PortalClock clock;

    MarketAttachments(MarketConfig config, PortalClock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public List<MarketAttachment.Info> add(long itemId, String subject, List<Upload> uploads, String actor) {
        MarketItem item = MarketItem.<MarketItem>findByIdOptional(itemId).filter(i -> i.ownerSubject.equals(subject))
                .orElseThrow(() -> new NotFoundException("未找到该信息"));
        FieldErrors.Builder errors = new FieldErrors.Builder();
        if (item.kind != MarketKind.ACHIEVEMENT) {
            errors.add("files", "附件只用于科技成果登记");
        } else if (item.status == ItemStatus.WITHDRAWN) {
            errors.add("files", "已下架的成果不能再上传附件");
        }
        if (uploads.isEmpty()) {
            errors.add("files", "请选择要上传的文件");
        }
        long existing = MarketAttachment.count("itemId", itemId);
        if (existing + uploads.size() > config.maxAttachments()) {
            errors.add("files", "每项成果最多 " + config.maxAttachments() + " 个附件");
        }
        for (Upload u : uploads) {
            byte[] head = Arrays.copyOf(u.data(), Math.min(u.data().length, AttachmentType.HEAD_BYTES));
            var problem = AttachmentType.problem(u.fileName(), head, u.data().length, config.maxAttachmentBytes());
            if (problem.isPresent()) {
                errors.add("files", "“" + AttachmentType.safeFileName(u.fileName()) + "”：" + problem.get());
            } else if (!ALLOWED.contains(AttachmentType.detect(u.fileName(), head).orElseThrow())) {
                errors.add("files", "“" + AttachmentType.safeFileName(u.fileName()) + "”：成果附件仅限 PDF 和图片（PNG/JPEG/GIF/WEBP）");
            }
        }
        errors.throwIfAny();
        for (Upload u : uploads) {
            byte[] head = Arrays.copyOf(u.data(), Math.min(u.data().length, AttachmentType.HEAD_BYTES));
            MarketAttachment a = new MarketAttachment();
            a.itemId = itemId;
            a.fileName = AttachmentType.safeFileName(u.fileName());
            a.contentType = AttachmentType.detect(u.fileName(), head).orElseThrow().contentType();
            a.size = u.data().length;
            a.data = u.data();
            a.createdAt = clock.now();
            a.persist();
        }
        MarketEvent.item(item, actor, "上传附件", item.status, uploads.size() + " 个文件", true);
        return MarketAttachment.of(itemId);
    }

    @Transactional
    public void delete(long itemId, long attachmentId, String subject, String actor) {
        MarketItem item = MarketItem.<MarketItem>findByIdOptional(itemId).filter(i -> i.ownerSubject.equals(subject))
                .orElseThrow(() -> new NotFoundException("未找到该信息"));
        MarketAttachment a = MarketAttachment.<MarketAttachment>find("id = ?1 and itemId = ?2", attachmentId, itemId)
                .firstResultOptional().orElseThrow(() -> new NotFoundException("未找到该附件"));
        MarketEvent.item(item, actor, "删除附件", item.status, a.fileName, true);
        a.delete();
    }

    /** A file's name, type and bytes, read in the service's transaction. */
    public record File(String fileName, String contentType, byte[] data) {}

    /** Who asks for a file: anybody (published items only), the owner, or staff. */
    public enum Reader { PUBLIC, OWNER, STAFF }

    /** A file: for the public only of a published achievement; for its owner or staff of any. */
    @Transactional
    public File file(long itemId, long attachmentId, Reader reader, String subject) {
        MarketItem item = MarketItem.<MarketItem>findByIdOptional(itemId)
                .filter(i -> switch (reader) {
                    case PUBLIC -> i.status == ItemStatus.PUBLISHED;
                    case OWNER -> i.ownerSubject.equals(subject);
                    case STAFF -> true;
                })
                .orElseThrow(() -> new NotFoundException("未找到该附件"));
        MarketAttachment a = MarketAttachment.<MarketAttachment>find("id = ?1 and itemId = ?2", attachmentId, item.id)
                .firstResultOptional().orElseThrow(() -> new NotFoundException("未找到该附件"));
        return new File(a.fileName, a.contentType, a.data);
    }

    @Transactional
    public List<MarketAttachment.Info> list(long itemId) {
        return MarketAttachment.of(itemId);
    }
}
