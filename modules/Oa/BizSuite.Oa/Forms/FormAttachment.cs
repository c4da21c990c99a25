using BizSuite.Kernel;
using BizSuite.Oa.Data;
using BizSuite.Saas;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Oa.Forms;

/// <summary>
/// A file attached to a form (the document to be sealed, a quotation), uploaded before the form is submitted and kept in the
/// database with the tenant's other data. It is always served as a download, so its type needs no checking.
/// </summary>
internal sealed class FormAttachment : Entity, IMultiTenant
{
    public const long MaxSize = 10 * 1024 * 1024;

    public Guid? TenantId { get; private set; }
    public string FileName { get; private set; } = "";
    public long Size { get; private set; }
    public byte[] Content { get; private set; } = [];
    public Guid UploadedBy { get; private set; }
    public DateTime UploadedAt { get; private set; }

    private FormAttachment() { }

    public static FormAttachment Upload(string fileName, byte[] content, Guid uploadedBy, DateTime now)
    {
        if (content.LongLength > MaxSize)
            throw new BusinessException(OaErrors.AttachmentTooLarge, StatusCodes.Status400BadRequest, MaxSize / 1024 / 1024) { Field = "file" };
        return new FormAttachment
        {
            FileName = Path.GetFileName(fileName).Trim() is { Length: > 0 } name ? name[..Math.Min(name.Length, 200)] : "attachment",
            Size = content.LongLength,
            Content = content,
            UploadedBy = uploadedBy,
            UploadedAt = now,
        };
    }
}

/// <summary>
/// Stores an uploaded file within the edition's storage (Saas:StorageLimitReached beyond it): forms and record timelines keep their
/// files here, one store counted once.
/// </summary>
internal sealed class AttachmentStore(OaDbContext db, ICurrentUser currentUser, IEditionLimits limits, TimeProvider clock)
{
    public async Task<FormAttachment> UploadAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length > FormAttachment.MaxSize)
            throw new BusinessException(OaErrors.AttachmentTooLarge, StatusCodes.Status400BadRequest, FormAttachment.MaxSize / 1024 / 1024) { Field = "file" };
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var uploader = currentUser.Id ?? throw new InvalidOperationException("Uploads need a signed-in user.");
        var attachment = FormAttachment.Upload(file.FileName, buffer.ToArray(), uploader, clock.GetUtcNow().UtcDateTime);
        await limits.EnsureRoomForAsync(UsageKind.StorageBytes, attachment.Size, ct);
        db.FormAttachments.Add(attachment);
        return attachment;
    }
}

/// <summary>Files attached to forms are the tenant's stored files too, counted against its edition's storage.</summary>
internal sealed class FormAttachmentStorage(OaDbContext db) : IUsageMeter
{
    public UsageKind Kind => UsageKind.StorageBytes;

    public async Task<long> MeasureAsync(CancellationToken ct) =>
        await db.FormAttachments.SumAsync(a => (long?)a.Size, ct) ?? 0;
}
