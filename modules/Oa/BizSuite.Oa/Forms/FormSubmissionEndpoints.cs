using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Oa.Forms;

internal static class FormSubmissionEndpoints
{
    public static void MapFormSubmissionEndpoints(this IEndpointRouteBuilder api)
    {
        var submissions = api.MapGroup("/oa/form-submissions").WithTags("Form submissions").RequirePermission(OaPermissions.Forms);
        submissions.MapGet("/", ListMyFormSubmissions).WithSummary("List my requests (我的申请)");
        submissions.MapGet("/{id:guid}", GetFormSubmission);
        submissions.MapPost("/", SubmitForm).WithSummary("Fill in a published form and start its approval (发起申请)");
        submissions.MapPost("/attachments", UploadFormAttachment).DisableAntiforgery();
        submissions.MapGet("/attachments/{id:guid}", GetFormAttachment);
    }

    public static async Task<Ok<PagedResult<FormSubmissionListItemDto>>> ListMyFormSubmissions(FormSubmissionAppService submissions,
        [AsParameters] PageRequest page, CancellationToken ct) =>
        TypedResults.Ok(await submissions.GetMineAsync(page, ct));

    public static async Task<Ok<FormSubmissionDto>> GetFormSubmission(FormSubmissionAppService submissions, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await submissions.GetAsync(id, ct));

    public static async Task<Created<FormSubmissionDto>> SubmitForm(FormSubmissionAppService submissions, SubmitFormRequest request, CancellationToken ct)
    {
        var submission = await submissions.SubmitAsync(request, ct);
        return TypedResults.Created($"/api/oa/form-submissions/{submission.Summary.Id}", submission);
    }

    public static async Task<Created<FormAttachmentDto>> UploadFormAttachment(FormSubmissionAppService submissions, IFormFile file, CancellationToken ct)
    {
        var attachment = await submissions.UploadAsync(file, ct);
        return TypedResults.Created($"/api/oa/form-submissions/attachments/{attachment.Id}", attachment);
    }

    public static async Task<FileContentHttpResult> GetFormAttachment(FormSubmissionAppService submissions, Guid id, CancellationToken ct)
    {
        var attachment = await submissions.DownloadAsync(id, ct);
        return TypedResults.File(attachment.Content, "application/octet-stream", attachment.FileName);
    }
}
