using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Finance.Receivables;

internal static class ReceivableEndpoints
{
    public static void MapReceivableEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/finance/receivables", ListReceivables).WithTags("Receivables").RequirePermission(FinancePermissions.Invoices).WithExcelExport();
        api.MapGet("/finance/customers/{customerId:guid}/statement/pdf", GetCustomerStatementPdf)
            .WithTags("Receivables").RequirePermission(FinancePermissions.Invoices);
    }

    private static async Task<Ok<PagedResult<ReceivableDto>>> ListReceivables(ReceivableAppService s, [AsParameters] PageRequest page, Guid? contractId,
        Guid? customerId, CollectionStatus? status, CancellationToken ct) =>
        TypedResults.Ok(await s.GetListAsync(page, contractId, customerId, status, ct));

    private static async Task<FileContentHttpResult> GetCustomerStatementPdf(CustomerStatement statement, Guid customerId, DateOnly? from, DateOnly? to,
        string? lang, CancellationToken ct)
    {
        var pdf = await statement.RenderAsync(customerId, from, to, DocumentLanguages.Parse(lang), ct);
        return TypedResults.File(pdf.Content, "application/pdf", pdf.FileName);
    }
}
