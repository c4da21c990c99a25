using BizSuite.Kernel;
using BizSuite.Oa.Forms;

namespace BizSuite.Oa.Timeline;

/// <summary>
/// A comment on any module's record (客户, 合同, 订单 …), keyed by (record type, record id): OA keeps them for every module,
/// as it keeps notifications, so no module needs its own comments. Files are the tenant's OA attachments.
/// </summary>
internal sealed class RecordComment : Entity, IMultiTenant
{
    public const int MaxTextLength = 4000;

    private readonly List<RecordCommentFile> _files = [];

    public Guid? TenantId { get; private set; }
    public string RecordType { get; private set; } = "";
    public Guid RecordId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTime PostedAt { get; private set; }
    public IReadOnlyList<RecordCommentFile> Files => _files;

    private RecordComment() { }

    public RecordComment(string recordType, Guid recordId, Guid authorId, string text, IEnumerable<FormAttachment> files, DateTime now)
    {
        RecordType = recordType;
        RecordId = recordId;
        AuthorId = authorId;
        Text = text.Trim();
        PostedAt = now;
        _files.AddRange(files.Select(f => new RecordCommentFile(f.Id, f.FileName, f.Size)));
    }
}

internal sealed class RecordCommentFile(Guid attachmentId, string fileName, long size)
{
    public Guid AttachmentId { get; private set; } = attachmentId;
    public string FileName { get; private set; } = fileName;
    public long Size { get; private set; } = size;
}
