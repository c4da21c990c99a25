using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Finance.Accounting;

internal static class VoucherEndpoints
{
    public static void MapVoucherEndpoints(this IEndpointRouteBuilder api)
    {
        var accounting = api.MapGroup("/finance").WithTags("Accounting").RequirePermission(FinancePermissions.Vouchers);
        accounting.MapGet("/vouchers", ListVouchers).WithExcelExport();
        accounting.MapGet("/vouchers/{id:guid}/pdf", GetVoucherPdf);
        accounting.MapGet("/accounts", ListAccounts);
    }

    private static async Task<Ok<PagedResult<VoucherDto>>> ListVouchers(VoucherAppService s, [AsParameters] PageRequest page, Guid? sourceId, CancellationToken ct) =>
        TypedResults.Ok(await s.GetListAsync(page, sourceId, ct));

    private static async Task<FileContentHttpResult> GetVoucherPdf(VoucherDocument document, Guid id, string? lang, CancellationToken ct)
    {
        var (pdf, number) = await document.RenderAsync(id, DocumentLanguages.Parse(lang), ct);
        return TypedResults.File(pdf, "application/pdf", $"{number}.pdf");
    }

    private static async Task<Ok<IReadOnlyList<AccountDto>>> ListAccounts(VoucherAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetAccountsAsync(ct));
}
