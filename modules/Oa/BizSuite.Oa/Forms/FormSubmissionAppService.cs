using System.Text.Json;
using System.Text.Json.Nodes;
using BizSuite.Identity;
using BizSuite.Kernel;
using BizSuite.Oa.Data;
using BizSuite.Saas;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Oa.Forms;

/// <summary><paramref name="Values"/> by field key; a table's value is the list of its lines, an attachment's the id an upload answered.</summary>
public sealed record SubmitFormRequest(Guid FormId, JsonObject? Values);

public sealed record FormSubmissionListItemDto(Guid Id, string Number, string Title, string FormCode, int Version, FormSubmissionStatus Status,
    decimal? Amount, Guid? ApprovalId, DateTime SubmittedAt, DateTime? DecidedAt);

public sealed record FormAttachmentDto(Guid Id, string FileName, long Size);

/// <summary>
/// A submission with the fields of the version it was made with (not the form's latest), so it reads the same forever.
/// <paramref name="Values"/> is the JSON object of values by field key; a table's value is <c>{ lines: [...], sum }</c>.
/// </summary>
public sealed record FormSubmissionDto(FormSubmissionListItemDto Summary, Guid FormId, string FormNameZh, string FormNameEn, Guid ApplicantUserId,
    string? ApplicantName, IReadOnlyList<FormFieldDto> Fields, JsonElement Values, IReadOnlyList<FormAttachmentDto> Attachments);

/// <summary>Filling in a published form (发起申请), which starts its approval, and reading submissions.</summary>
internal sealed class FormSubmissionAppService(OaDbContext db, IApprovalService approvals, FormValues formValues, DocumentNumbers numbers,
    ICurrentUser currentUser, IUserDirectory users, IPermissionChecker permissions, AttachmentStore attachments, TimeProvider clock)
{
    private Guid Me => currentUser.Id ?? throw new InvalidOperationException("Forms need a signed-in user.");

    public async Task<FormSubmissionDto> SubmitAsync(SubmitFormRequest request, CancellationToken ct)
    {
        var form = await db.ApprovalForms.FirstOrDefaultAsync(f => f.Id == request.FormId, ct) ?? throw new EntityNotFoundException("ApprovalForm", request.FormId);
        if (form.Status != FormStatus.Published)
            throw new BusinessException(OaErrors.FormNotPublished, StatusCodes.Status422UnprocessableEntity, form.NameZh) { Field = "formId" };
        var version = form.Latest;
        var values = formValues.Check(version.Fields, version.AmountField, request.Values);
        await EnsureOwnAttachmentsAsync(values.AttachmentIds, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var number = $"SQ{now:yyyyMMdd}{await numbers.NextAsync("oa-form-submission", ct):D4}";
        var submission = FormSubmission.Submit(form, version, number, Me, values.Values.ToJsonString(), values.Amount, now);
        db.FormSubmissions.Add(submission);
        submission.AwaitApproval(await approvals.RequestAsync(new ApprovalRequest(form.DocumentType, submission.Id, number, form.NameZh, Me,
            submission.Amount, submission.Amount is null ? null : "CNY", Link: $"/oa/requests/{submission.Id}"), ct));
        return await ToDtoAsync(submission, form, ct);
    }

    public async Task<PagedResult<FormSubmissionListItemDto>> GetMineAsync(PageRequest page, CancellationToken ct)
    {
        var me = Me;
        var query = db.FormSubmissions.AsNoTracking().Where(s => s.ApplicantUserId == me);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = query.Where(s => s.Number.Contains(page.Filter) || s.Title.Contains(page.Filter));
        var total = await query.LongCountAsync(ct);
        var items = await query.OrderByDescending(s => s.SubmittedAt).Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<FormSubmissionListItemDto>(items.Select(Summary).ToList(), total);
    }

    /// <summary>The applicant, whoever takes part in its approval (approvers, CC) and flow administrators read it; for others it does not exist.</summary>
    public async Task<FormSubmissionDto> GetAsync(Guid id, CancellationToken ct)
    {
        var submission = await db.FormSubmissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new EntityNotFoundException("FormSubmission", id);
        if (!await MayReadAsync(submission, ct)) throw new EntityNotFoundException("FormSubmission", id);
        var form = await db.ApprovalForms.AsNoTracking().FirstAsync(f => f.Id == submission.FormId, ct);
        return await ToDtoAsync(submission, form, ct);
    }

    public async Task<FormAttachmentDto> UploadAsync(IFormFile file, CancellationToken ct)
    {
        var attachment = await attachments.UploadAsync(file, ct);
        return new FormAttachmentDto(attachment.Id, attachment.FileName, attachment.Size);
    }

    /// <summary>The uploader, and whoever may read a submission the file is attached to.</summary>
    public async Task<FormAttachment> DownloadAsync(Guid id, CancellationToken ct)
    {
        var attachment = await db.FormAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new EntityNotFoundException("FormAttachment", id);
        if (attachment.UploadedBy == currentUser.Id) return attachment;
        var key = id.ToString();
        foreach (var submission in await db.FormSubmissions.AsNoTracking().Where(s => s.ApplicantUserId == attachment.UploadedBy && s.ValuesJson.Contains(key))
                     .ToListAsync(ct))
            if (await MayReadAsync(submission, ct)) return attachment;
        throw new EntityNotFoundException("FormAttachment", id);
    }

    private async Task<bool> MayReadAsync(FormSubmission submission, CancellationToken ct)
    {
        var me = Me;
        if (submission.ApplicantUserId == me) return true;
        var takesPart = await db.Approvals.AsNoTracking().AnyAsync(a => a.Id == submission.ApprovalId
            && (a.Assignees.Any(x => x.UserId == me) || a.Cc.Any(c => c.UserId == me && c.CopiedAt != null)), ct);
        return takesPart || await permissions.IsGrantedAsync(OaPermissions.ApprovalFlows, ct);
    }

    private async Task EnsureOwnAttachmentsAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        var me = Me;
        var mine = await db.FormAttachments.Where(a => ids.Contains(a.Id) && a.UploadedBy == me).Select(a => a.Id).ToListAsync(ct);
        if (ids.Except(mine).FirstOrDefault() is var foreign && foreign != Guid.Empty)
            throw new BusinessException(OaErrors.AttachmentNotYours, StatusCodes.Status422UnprocessableEntity, foreign);
    }

    private async Task<FormSubmissionDto> ToDtoAsync(FormSubmission submission, ApprovalForm form, CancellationToken ct)
    {
        var version = form.Versions.Single(v => v.Number == submission.VersionNumber);
        var name = (await users.FindAsync([submission.ApplicantUserId], ct)).FirstOrDefault()?.Name;
        var values = JsonDocument.Parse(submission.ValuesJson).RootElement.Clone();
        var fileIds = AttachmentIds(version.Fields, values);
        var files = fileIds.Count == 0 ? []
            : await db.FormAttachments.AsNoTracking().Where(a => fileIds.Contains(a.Id)).Select(a => new FormAttachmentDto(a.Id, a.FileName, a.Size)).ToListAsync(ct);
        return new FormSubmissionDto(Summary(submission), form.Id, form.NameZh, form.NameEn, submission.ApplicantUserId, name, version.Fields, values, files);
    }

    private static List<Guid> AttachmentIds(IReadOnlyList<FormFieldDto> fields, JsonElement values) =>
        fields.Where(f => f.Kind == FormFieldKind.Attachment).Select(f => values.TryGetProperty(f.Spec.Key, out var id) ? id.GetGuid() : Guid.Empty)
            .Where(id => id != Guid.Empty).ToList();

    private static FormSubmissionListItemDto Summary(FormSubmission s) =>
        new(s.Id, s.Number, s.Title, s.FormCode, s.VersionNumber, s.Status, s.Amount, s.ApprovalId, s.SubmittedAt, s.DecidedAt);
}

internal sealed class SubmitFormRequestValidator : AbstractValidator<SubmitFormRequest>
{
    public SubmitFormRequestValidator()
    {
        RuleFor(r => r.FormId).NotEmpty();
    }
}
