using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Oa.Forms;

internal static class ApprovalFormEndpoints
{
    public static void MapApprovalFormEndpoints(this IEndpointRouteBuilder api)
    {
        var forms = api.MapGroup("/oa/forms").WithTags("Approval forms").RequirePermission(OaPermissions.Forms);
        forms.MapGet("/", ListApprovalForms).RequirePermission(OaPermissions.FormsManage).WithSummary("List every form, drafts included (designers)");
        forms.MapGet("/published", ListPublishedForms).WithSummary("List the published forms staff may submit (New request)");
        forms.MapGet("/{id:guid}", GetApprovalForm);
        forms.MapPost("/", CreateApprovalForm).RequirePermission(OaPermissions.FormsManage);
        forms.MapPut("/{id:guid}", UpdateApprovalForm).RequirePermission(OaPermissions.FormsManage)
            .WithSummary("Change a form; a version already used by a submission is kept and a new version starts");
        forms.MapPost("/{id:guid}/publish", PublishApprovalForm).RequirePermission(OaPermissions.FormsManage);
        forms.MapPost("/{id:guid}/unpublish", UnpublishApprovalForm).RequirePermission(OaPermissions.FormsManage);
    }

    public static async Task<Ok<IReadOnlyList<ApprovalFormDto>>> ListApprovalForms(ApprovalFormAppService forms, CancellationToken ct) =>
        TypedResults.Ok(await forms.GetListAsync(publishedOnly: false, ct));

    public static async Task<Ok<IReadOnlyList<ApprovalFormDto>>> ListPublishedForms(ApprovalFormAppService forms, CancellationToken ct) =>
        TypedResults.Ok(await forms.GetListAsync(publishedOnly: true, ct));

    public static async Task<Ok<ApprovalFormDto>> GetApprovalForm(ApprovalFormAppService forms, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await forms.GetAsync(id, ct));

    public static async Task<Created<ApprovalFormDto>> CreateApprovalForm(ApprovalFormAppService forms, SaveApprovalFormRequest request, CancellationToken ct)
    {
        var form = await forms.CreateAsync(request, ct);
        return TypedResults.Created($"/api/oa/forms/{form.Id}", form);
    }

    public static async Task<Ok<ApprovalFormDto>> UpdateApprovalForm(ApprovalFormAppService forms, Guid id, SaveApprovalFormRequest request,
        CancellationToken ct) =>
        TypedResults.Ok(await forms.UpdateAsync(id, request, ct));

    public static async Task<Ok<ApprovalFormDto>> PublishApprovalForm(ApprovalFormAppService forms, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await forms.PublishAsync(id, published: true, ct));

    public static async Task<Ok<ApprovalFormDto>> UnpublishApprovalForm(ApprovalFormAppService forms, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await forms.PublishAsync(id, published: false, ct));
}
