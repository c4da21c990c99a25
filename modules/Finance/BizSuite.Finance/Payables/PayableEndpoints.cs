using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Finance.Payables;

internal static class PayableEndpoints
{
    public static void MapPayableEndpoints(this IEndpointRouteBuilder api)
    {
        var payables = api.MapGroup("/finance/payables").WithTags("Payables").RequirePermission(FinancePermissions.Payables);
        payables.MapGet("/", ListPayables).WithExcelExport();
        payables.MapGet("/{id:guid}", GetPayable);
        payables.MapGet("/suppliers", ListPayees);
        payables.MapPost("/{id:guid}/pay", PayPayable).RequirePermission(FinancePermissions.PayablesPay);

        var suppliers = api.MapGroup("/finance/suppliers/{supplierId:guid}").WithTags("Payables").RequirePermission(FinancePermissions.Payables);
        suppliers.MapGet("/statement", GetSupplierStatement);
        suppliers.MapGet("/statement/pdf", GetSupplierStatementPdf);
    }

    private static async Task<Ok<PagedResult<PayableDto>>> ListPayables(PayableAppService s, [AsParameters] PageRequest page, PayableStatus? status, Guid? sourceId,
        Guid? payeeId, string? sourceType, DateOnly? dueBy, CancellationToken ct) =>
        TypedResults.Ok(await s.GetListAsync(page, new PayableQuery(status, sourceId, payeeId, sourceType, dueBy), ct));

    private static async Task<Ok<PayableDto>> GetPayable(PayableAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct));

    private static async Task<Ok<IReadOnlyList<PayeeDto>>> ListPayees(PayableAppService s, CancellationToken ct) => TypedResults.Ok(await s.GetSuppliersAsync(ct));

    private static async Task<Ok<PayableDto>> PayPayable(PayableAppService s, Guid id, PayPayableRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.PayAsync(id, request, ct));

    private static async Task<Ok<SupplierStatementDto>> GetSupplierStatement(SupplierStatement s, Guid supplierId, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        TypedResults.Ok(await s.GetAsync(supplierId, from, to, ct));

    private static async Task<FileContentHttpResult> GetSupplierStatementPdf(SupplierStatement s, Guid supplierId, DateOnly? from, DateOnly? to, string? lang,
        CancellationToken ct)
    {
        var pdf = await s.RenderAsync(await s.GetAsync(supplierId, from, to, ct), DocumentLanguages.Parse(lang), ct);
        return TypedResults.File(pdf.Content, "application/pdf", pdf.FileName);
    }
}
