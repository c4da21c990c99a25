using BizSuite.Hr.Employees;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Hr.Expenses;

internal static class ExpenseClaimEndpoints
{
    public static void MapExpenseClaimEndpoints(this IEndpointRouteBuilder api)
    {
        var claims = api.MapGroup("/hr/expense-claims").WithTags("Expense claims").RequirePermission(HrPermissions.Expenses);
        claims.MapGet("/", ListExpenseClaims).WithExcelExport();
        claims.MapGet("/{id:guid}", GetExpenseClaim);
        claims.MapPost("/", CreateExpenseClaim);
        claims.MapPut("/{id:guid}", UpdateExpenseClaim);
        claims.MapPost("/{id:guid}/submit", SubmitExpenseClaim);
        // Receipts travel as multipart uploads from the app; the bearer token (not a cookie) authenticates them, so no antiforgery token.
        claims.MapPost("/attachments", UploadAttachment).DisableAntiforgery();
        claims.MapGet("/attachments/{id:guid}", GetAttachment);
    }

    private static async Task<Ok<PagedResult<ExpenseClaimDto>>> ListExpenseClaims(ExpenseAppService s, [AsParameters] PageRequest page, ListScope? scope,
        ExpenseClaimStatus? status, CancellationToken ct) =>
        TypedResults.Ok(await s.GetListAsync(page, scope ?? ListScope.Mine, status, ct));

    private static async Task<Ok<ExpenseClaimDto>> GetExpenseClaim(ExpenseAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct));

    private static async Task<Created<ExpenseClaimDto>> CreateExpenseClaim(ExpenseAppService s, SaveExpenseClaimRequest request, CancellationToken ct)
    {
        var claim = await s.CreateAsync(request, ct);
        return TypedResults.Created($"/api/hr/expense-claims/{claim.Id}", claim);
    }

    private static async Task<Ok<ExpenseClaimDto>> UpdateExpenseClaim(ExpenseAppService s, Guid id, SaveExpenseClaimRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.UpdateAsync(id, request, ct));

    private static async Task<Ok<ExpenseClaimDto>> SubmitExpenseClaim(ExpenseAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.SubmitAsync(id, ct));

    private static async Task<Created<AttachmentDto>> UploadAttachment(ExpenseAppService s, IFormFile file, CancellationToken ct)
    {
        var attachment = await s.UploadAsync(file, ct);
        return TypedResults.Created($"/api/hr/expense-claims/attachments/{attachment.Id}", attachment);
    }

    private static async Task<FileContentHttpResult> GetAttachment(ExpenseAppService s, Guid id, CancellationToken ct)
    {
        var attachment = await s.DownloadAsync(id, ct);
        return TypedResults.File(attachment.Content, attachment.ContentType, attachment.FileName);
    }
}
